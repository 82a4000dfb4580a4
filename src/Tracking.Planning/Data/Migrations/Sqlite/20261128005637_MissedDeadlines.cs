using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tracking.Planning.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MissedDeadlines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "missed_deadlines",
                columns: table => new
                {
                    DeadlineId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecommendationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProviderId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Escalated = table.Column<bool>(type: "INTEGER", nullable: false),
                    Cleared = table.Column<bool>(type: "INTEGER", nullable: false),
                    ClearedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_missed_deadlines", x => x.DeadlineId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_missed_deadlines_RecommendationId_Cleared",
                table: "missed_deadlines",
                columns: new[] { "RecommendationId", "Cleared" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "missed_deadlines");
        }
    }
}
