using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tracking.Planning.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MissedDeadlines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "missed_deadlines",
                schema: "planning",
                columns: table => new
                {
                    DeadlineId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecommendationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Escalated = table.Column<bool>(type: "boolean", nullable: false),
                    Cleared = table.Column<bool>(type: "boolean", nullable: false),
                    ClearedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_missed_deadlines", x => x.DeadlineId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_missed_deadlines_RecommendationId_Cleared",
                schema: "planning",
                table: "missed_deadlines",
                columns: new[] { "RecommendationId", "Cleared" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "missed_deadlines",
                schema: "planning");
        }
    }
}
