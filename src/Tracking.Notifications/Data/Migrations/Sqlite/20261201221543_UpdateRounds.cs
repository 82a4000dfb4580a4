using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tracking.Notifications.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UpdateRounds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Closed",
                table: "action_owners",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "update_requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ActionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecommendationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProviderId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OwnerEmail = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    TargetDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AskedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EvidenceId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_update_requests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "update_rounds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DueBy = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StartedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_update_rounds", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_action_owners_RecommendationId",
                table: "action_owners",
                column: "RecommendationId");

            migrationBuilder.CreateIndex(
                name: "IX_update_requests_ActionId_AnsweredAt",
                table: "update_requests",
                columns: new[] { "ActionId", "AnsweredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_update_requests_RecommendationId_AnsweredAt",
                table: "update_requests",
                columns: new[] { "RecommendationId", "AnsweredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_update_requests_RoundId_ActionId",
                table: "update_requests",
                columns: new[] { "RoundId", "ActionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_update_rounds_Key",
                table: "update_rounds",
                column: "Key",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "update_requests");

            migrationBuilder.DropTable(
                name: "update_rounds");

            migrationBuilder.DropIndex(
                name: "IX_action_owners_RecommendationId",
                table: "action_owners");

            migrationBuilder.DropColumn(
                name: "Closed",
                table: "action_owners");
        }
    }
}
