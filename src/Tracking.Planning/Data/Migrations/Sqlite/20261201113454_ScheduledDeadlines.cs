using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tracking.Planning.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ScheduledDeadlines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DeadlineChanges",
                table: "outstanding_recommendations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "EarliestOpenDeadline",
                table: "outstanding_recommendations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "scheduled_deadlines",
                columns: table => new
                {
                    DeadlineId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecommendationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Closed = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_scheduled_deadlines", x => x.DeadlineId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_scheduled_deadlines_RecommendationId",
                table: "scheduled_deadlines",
                column: "RecommendationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "scheduled_deadlines");

            migrationBuilder.DropColumn(
                name: "DeadlineChanges",
                table: "outstanding_recommendations");

            migrationBuilder.DropColumn(
                name: "EarliestOpenDeadline",
                table: "outstanding_recommendations");
        }
    }
}
