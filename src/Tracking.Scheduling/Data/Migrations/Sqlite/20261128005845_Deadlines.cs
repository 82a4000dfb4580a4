using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tracking.Scheduling.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Deadlines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Closed",
                table: "timed_recommendations",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "deadlines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RecommendationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InspectionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    EvidenceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ProviderId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    MissedRaisedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EscalationRaisedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SettledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    StateVersion = table.Column<int>(type: "INTEGER", nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deadlines", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "follow_up_reviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InspectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProviderId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RaisedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_follow_up_reviews", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "reminders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DeadlineId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DaysBefore = table.Column<int>(type: "INTEGER", nullable: false),
                    FireAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reminders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_reminders_deadlines_DeadlineId",
                        column: x => x.DeadlineId,
                        principalTable: "deadlines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_timed_recommendations_InspectionId",
                table: "timed_recommendations",
                column: "InspectionId");

            migrationBuilder.CreateIndex(
                name: "IX_deadlines_ProviderId",
                table: "deadlines",
                column: "ProviderId");

            migrationBuilder.CreateIndex(
                name: "IX_deadlines_RecommendationId",
                table: "deadlines",
                column: "RecommendationId");

            migrationBuilder.CreateIndex(
                name: "IX_deadlines_Status_DueAt",
                table: "deadlines",
                columns: new[] { "Status", "DueAt" },
                filter: "\"MissedRaisedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_deadlines_Status_MissedRaisedAt",
                table: "deadlines",
                columns: new[] { "Status", "MissedRaisedAt" },
                filter: "\"EscalationRaisedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_follow_up_reviews_InspectionId",
                table: "follow_up_reviews",
                column: "InspectionId");

            migrationBuilder.CreateIndex(
                name: "IX_follow_up_reviews_ProviderId",
                table: "follow_up_reviews",
                column: "ProviderId");

            migrationBuilder.CreateIndex(
                name: "IX_follow_up_reviews_Status_DueAt",
                table: "follow_up_reviews",
                columns: new[] { "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_reminders_DeadlineId",
                table: "reminders",
                column: "DeadlineId");

            migrationBuilder.CreateIndex(
                name: "IX_reminders_FireAt",
                table: "reminders",
                column: "FireAt",
                filter: "\"SentAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "follow_up_reviews");

            migrationBuilder.DropTable(
                name: "reminders");

            migrationBuilder.DropTable(
                name: "deadlines");

            migrationBuilder.DropIndex(
                name: "IX_timed_recommendations_InspectionId",
                table: "timed_recommendations");

            migrationBuilder.DropColumn(
                name: "Closed",
                table: "timed_recommendations");
        }
    }
}
