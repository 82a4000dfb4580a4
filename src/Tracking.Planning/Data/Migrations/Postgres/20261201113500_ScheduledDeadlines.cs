using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tracking.Planning.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ScheduledDeadlines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DeadlineChanges",
                schema: "planning",
                table: "outstanding_recommendations",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "EarliestOpenDeadline",
                schema: "planning",
                table: "outstanding_recommendations",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "scheduled_deadlines",
                schema: "planning",
                columns: table => new
                {
                    DeadlineId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecommendationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Closed = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scheduled_deadlines", x => x.DeadlineId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_scheduled_deadlines_RecommendationId",
                schema: "planning",
                table: "scheduled_deadlines",
                column: "RecommendationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "scheduled_deadlines",
                schema: "planning");

            migrationBuilder.DropColumn(
                name: "DeadlineChanges",
                schema: "planning",
                table: "outstanding_recommendations");

            migrationBuilder.DropColumn(
                name: "EarliestOpenDeadline",
                schema: "planning",
                table: "outstanding_recommendations");
        }
    }
}
