using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tracking.Scheduling.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Deadlines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Closed",
                schema: "scheduling",
                table: "timed_recommendations",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "deadlines",
                schema: "scheduling",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RecommendationId = table.Column<Guid>(type: "uuid", nullable: false),
                    InspectionId = table.Column<Guid>(type: "uuid", nullable: true),
                    ActionId = table.Column<Guid>(type: "uuid", nullable: true),
                    EvidenceId = table.Column<Guid>(type: "uuid", nullable: true),
                    ProviderId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    MissedRaisedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EscalationRaisedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SettledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    StateVersion = table.Column<int>(type: "integer", nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deadlines", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "follow_up_reviews",
                schema: "scheduling",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InspectionId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RaisedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_follow_up_reviews", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "reminders",
                schema: "scheduling",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DeadlineId = table.Column<Guid>(type: "uuid", nullable: false),
                    DaysBefore = table.Column<int>(type: "integer", nullable: false),
                    FireAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reminders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_reminders_deadlines_DeadlineId",
                        column: x => x.DeadlineId,
                        principalSchema: "scheduling",
                        principalTable: "deadlines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_timed_recommendations_InspectionId",
                schema: "scheduling",
                table: "timed_recommendations",
                column: "InspectionId");

            migrationBuilder.CreateIndex(
                name: "IX_deadlines_ProviderId",
                schema: "scheduling",
                table: "deadlines",
                column: "ProviderId");

            migrationBuilder.CreateIndex(
                name: "IX_deadlines_RecommendationId",
                schema: "scheduling",
                table: "deadlines",
                column: "RecommendationId");

            migrationBuilder.CreateIndex(
                name: "IX_deadlines_Status_DueAt",
                schema: "scheduling",
                table: "deadlines",
                columns: new[] { "Status", "DueAt" },
                filter: "\"MissedRaisedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_deadlines_Status_MissedRaisedAt",
                schema: "scheduling",
                table: "deadlines",
                columns: new[] { "Status", "MissedRaisedAt" },
                filter: "\"EscalationRaisedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_follow_up_reviews_InspectionId",
                schema: "scheduling",
                table: "follow_up_reviews",
                column: "InspectionId");

            migrationBuilder.CreateIndex(
                name: "IX_follow_up_reviews_ProviderId",
                schema: "scheduling",
                table: "follow_up_reviews",
                column: "ProviderId");

            migrationBuilder.CreateIndex(
                name: "IX_follow_up_reviews_Status_DueAt",
                schema: "scheduling",
                table: "follow_up_reviews",
                columns: new[] { "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_reminders_DeadlineId",
                schema: "scheduling",
                table: "reminders",
                column: "DeadlineId");

            migrationBuilder.CreateIndex(
                name: "IX_reminders_FireAt",
                schema: "scheduling",
                table: "reminders",
                column: "FireAt",
                filter: "\"SentAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "follow_up_reviews",
                schema: "scheduling");

            migrationBuilder.DropTable(
                name: "reminders",
                schema: "scheduling");

            migrationBuilder.DropTable(
                name: "deadlines",
                schema: "scheduling");

            migrationBuilder.DropIndex(
                name: "IX_timed_recommendations_InspectionId",
                schema: "scheduling",
                table: "timed_recommendations");

            migrationBuilder.DropColumn(
                name: "Closed",
                schema: "scheduling",
                table: "timed_recommendations");
        }
    }
}
