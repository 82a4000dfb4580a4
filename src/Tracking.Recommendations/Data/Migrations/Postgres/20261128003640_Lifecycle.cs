using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tracking.Recommendations.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Lifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AcceptedResponseVersion",
                schema: "recommendations",
                table: "recommendations",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosedAs",
                schema: "recommendations",
                table: "recommendations",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ClosedAt",
                schema: "recommendations",
                table: "recommendations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosureComment",
                schema: "recommendations",
                table: "recommendations",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "TargetDate",
                schema: "recommendations",
                table: "recommendations",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                schema: "recommendations",
                table: "recommendations",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "evidence_submissions",
                schema: "recommendations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RecommendationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Narrative = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    EffectiveDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ActionIds = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    SubmittedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Judgement = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    ReviewComment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ReviewedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_evidence_submissions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_evidence_submissions_recommendations_RecommendationId",
                        column: x => x.RecommendationId,
                        principalSchema: "recommendations",
                        principalTable: "recommendations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "history_entries",
                schema: "recommendations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RecommendationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ActorSubject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ActorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Change = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    What = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Why = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_history_entries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_history_entries_recommendations_RecommendationId",
                        column: x => x.RecommendationId,
                        principalSchema: "recommendations",
                        principalTable: "recommendations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "idempotent_requests",
                schema: "recommendations",
                columns: table => new
                {
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Route = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    StatusCode = table.Column<int>(type: "integer", nullable: false),
                    Body = table.Column<string>(type: "text", nullable: true),
                    Location = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_idempotent_requests", x => new { x.Subject, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "planned_actions",
                schema: "recommendations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RecommendationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    OwnerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OwnerEmail = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    TargetDate = table.Column<DateOnly>(type: "date", nullable: false),
                    MeasureOfSuccess = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    PlannedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PlannedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CompletedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_planned_actions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_planned_actions_recommendations_RecommendationId",
                        column: x => x.RecommendationId,
                        principalSchema: "recommendations",
                        principalTable: "recommendations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "provider_responses",
                schema: "recommendations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RecommendationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Rationale = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RespondedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RespondedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_provider_responses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_provider_responses_recommendations_RecommendationId",
                        column: x => x.RecommendationId,
                        principalSchema: "recommendations",
                        principalTable: "recommendations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "target_date_revisions",
                schema: "recommendations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RecommendationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ActionId = table.Column<Guid>(type: "uuid", nullable: true),
                    CurrentDate = table.Column<DateOnly>(type: "date", nullable: true),
                    RequestedDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RequestedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Decision = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    DecisionComment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_target_date_revisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_target_date_revisions_recommendations_RecommendationId",
                        column: x => x.RecommendationId,
                        principalSchema: "recommendations",
                        principalTable: "recommendations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "evidence_files",
                schema: "recommendations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ContentHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    OriginalName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    EvidenceId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_evidence_files", x => x.Id);
                    table.ForeignKey(
                        name: "FK_evidence_files_evidence_submissions_EvidenceId",
                        column: x => x.EvidenceId,
                        principalSchema: "recommendations",
                        principalTable: "evidence_submissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_evidence_files_EvidenceId",
                schema: "recommendations",
                table: "evidence_files",
                column: "EvidenceId");

            migrationBuilder.CreateIndex(
                name: "IX_evidence_submissions_RecommendationId",
                schema: "recommendations",
                table: "evidence_submissions",
                column: "RecommendationId");

            migrationBuilder.CreateIndex(
                name: "IX_history_entries_RecommendationId_Sequence",
                schema: "recommendations",
                table: "history_entries",
                columns: new[] { "RecommendationId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_planned_actions_RecommendationId",
                schema: "recommendations",
                table: "planned_actions",
                column: "RecommendationId");

            migrationBuilder.CreateIndex(
                name: "IX_provider_responses_RecommendationId_Version",
                schema: "recommendations",
                table: "provider_responses",
                columns: new[] { "RecommendationId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_target_date_revisions_RecommendationId",
                schema: "recommendations",
                table: "target_date_revisions",
                column: "RecommendationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "evidence_files",
                schema: "recommendations");

            migrationBuilder.DropTable(
                name: "history_entries",
                schema: "recommendations");

            migrationBuilder.DropTable(
                name: "idempotent_requests",
                schema: "recommendations");

            migrationBuilder.DropTable(
                name: "planned_actions",
                schema: "recommendations");

            migrationBuilder.DropTable(
                name: "provider_responses",
                schema: "recommendations");

            migrationBuilder.DropTable(
                name: "target_date_revisions",
                schema: "recommendations");

            migrationBuilder.DropTable(
                name: "evidence_submissions",
                schema: "recommendations");

            migrationBuilder.DropColumn(
                name: "AcceptedResponseVersion",
                schema: "recommendations",
                table: "recommendations");

            migrationBuilder.DropColumn(
                name: "ClosedAs",
                schema: "recommendations",
                table: "recommendations");

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                schema: "recommendations",
                table: "recommendations");

            migrationBuilder.DropColumn(
                name: "ClosureComment",
                schema: "recommendations",
                table: "recommendations");

            migrationBuilder.DropColumn(
                name: "TargetDate",
                schema: "recommendations",
                table: "recommendations");

            migrationBuilder.DropColumn(
                name: "Version",
                schema: "recommendations",
                table: "recommendations");
        }
    }
}
