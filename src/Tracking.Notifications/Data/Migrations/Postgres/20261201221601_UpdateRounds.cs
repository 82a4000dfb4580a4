using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tracking.Notifications.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class UpdateRounds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Closed",
                schema: "notifications",
                table: "action_owners",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "update_requests",
                schema: "notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RoundId = table.Column<Guid>(type: "uuid", nullable: false),
                    ActionId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecommendationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Action = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    OwnerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OwnerEmail = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    TargetDate = table.Column<DateOnly>(type: "date", nullable: false),
                    AskedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AnsweredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EvidenceId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_update_requests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "update_rounds",
                schema: "notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DueBy = table.Column<DateOnly>(type: "date", nullable: false),
                    StartedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_update_rounds", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_action_owners_RecommendationId",
                schema: "notifications",
                table: "action_owners",
                column: "RecommendationId");

            migrationBuilder.CreateIndex(
                name: "IX_update_requests_ActionId_AnsweredAt",
                schema: "notifications",
                table: "update_requests",
                columns: new[] { "ActionId", "AnsweredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_update_requests_RecommendationId_AnsweredAt",
                schema: "notifications",
                table: "update_requests",
                columns: new[] { "RecommendationId", "AnsweredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_update_requests_RoundId_ActionId",
                schema: "notifications",
                table: "update_requests",
                columns: new[] { "RoundId", "ActionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_update_rounds_Key",
                schema: "notifications",
                table: "update_rounds",
                column: "Key",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "update_requests",
                schema: "notifications");

            migrationBuilder.DropTable(
                name: "update_rounds",
                schema: "notifications");

            migrationBuilder.DropIndex(
                name: "IX_action_owners_RecommendationId",
                schema: "notifications",
                table: "action_owners");

            migrationBuilder.DropColumn(
                name: "Closed",
                schema: "notifications",
                table: "action_owners");
        }
    }
}
