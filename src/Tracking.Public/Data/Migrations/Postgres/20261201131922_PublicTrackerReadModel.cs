using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Tracking.Public.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PublicTrackerReadModel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "public_tracker");

            migrationBuilder.CreateTable(
                name: "idempotent_requests",
                schema: "public_tracker",
                columns: table => new
                {
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Route = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    RequestHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
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
                name: "inbox_messages",
                schema: "public_tracker",
                columns: table => new
                {
                    MessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    Consumer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProcessedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbox_messages", x => new { x.MessageId, x.Consumer });
                });

            migrationBuilder.CreateTable(
                name: "inspections",
                schema: "public_tracker",
                columns: table => new
                {
                    InspectionId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    OverallRating = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inspections", x => x.InspectionId);
                });

            migrationBuilder.CreateTable(
                name: "outbox_archive",
                schema: "public_tracker",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    MessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    MessageType = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "text", nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox_archive", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                schema: "public_tracker",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    MessageType = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "text", nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox_messages", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "providers",
                schema: "public_tracker",
                columns: table => new
                {
                    ProviderId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Region = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_providers", x => x.ProviderId);
                });

            migrationBuilder.CreateTable(
                name: "recommendations",
                schema: "public_tracker",
                columns: table => new
                {
                    RecommendationId = table.Column<Guid>(type: "uuid", nullable: false),
                    InspectionId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProviderId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Addressees = table.Column<List<string>>(type: "text[]", nullable: false),
                    LinkedStandards = table.Column<List<string>>(type: "text[]", nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AwaitingPublication = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    ResponseCategory = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    ResponseVersion = table.Column<int>(type: "integer", nullable: false),
                    RespondedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    TargetDate = table.Column<DateOnly>(type: "date", nullable: true),
                    LastProgressJudgement = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    LastChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Changes = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recommendations", x => x.RecommendationId);
                });

            migrationBuilder.CreateTable(
                name: "status_updates",
                schema: "public_tracker",
                columns: table => new
                {
                    RecommendationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    ProviderId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    PreviousStatus = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    IsStatusChange = table.Column<bool>(type: "boolean", nullable: false),
                    ProgressJudgement = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_status_updates", x => new { x.RecommendationId, x.Version });
                });

            migrationBuilder.CreateTable(
                name: "inspection_standards",
                schema: "public_tracker",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    InspectionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Rating = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inspection_standards", x => new { x.InspectionId, x.Code });
                    table.ForeignKey(
                        name: "FK_inspection_standards_inspections_InspectionId",
                        column: x => x.InspectionId,
                        principalSchema: "public_tracker",
                        principalTable: "inspections",
                        principalColumn: "InspectionId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_inspections_ProviderId",
                schema: "public_tracker",
                table: "inspections",
                column: "ProviderId");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_archive_MessageId",
                schema: "public_tracker",
                table: "outbox_archive",
                column: "MessageId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_MessageId",
                schema: "public_tracker",
                table: "outbox_messages",
                column: "MessageId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_outbox_messages_SentAt",
                schema: "public_tracker",
                table: "outbox_messages",
                column: "SentAt");

            migrationBuilder.CreateIndex(
                name: "IX_providers_Region",
                schema: "public_tracker",
                table: "providers",
                column: "Region");

            migrationBuilder.CreateIndex(
                name: "IX_recommendations_InspectionId",
                schema: "public_tracker",
                table: "recommendations",
                column: "InspectionId");

            migrationBuilder.CreateIndex(
                name: "IX_recommendations_ProviderId_Status",
                schema: "public_tracker",
                table: "recommendations",
                columns: new[] { "ProviderId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_status_updates_IsStatusChange_OccurredAt",
                schema: "public_tracker",
                table: "status_updates",
                columns: new[] { "IsStatusChange", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_status_updates_ProviderId_OccurredAt",
                schema: "public_tracker",
                table: "status_updates",
                columns: new[] { "ProviderId", "OccurredAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "idempotent_requests",
                schema: "public_tracker");

            migrationBuilder.DropTable(
                name: "inbox_messages",
                schema: "public_tracker");

            migrationBuilder.DropTable(
                name: "inspection_standards",
                schema: "public_tracker");

            migrationBuilder.DropTable(
                name: "outbox_archive",
                schema: "public_tracker");

            migrationBuilder.DropTable(
                name: "outbox_messages",
                schema: "public_tracker");

            migrationBuilder.DropTable(
                name: "providers",
                schema: "public_tracker");

            migrationBuilder.DropTable(
                name: "recommendations",
                schema: "public_tracker");

            migrationBuilder.DropTable(
                name: "status_updates",
                schema: "public_tracker");

            migrationBuilder.DropTable(
                name: "inspections",
                schema: "public_tracker");
        }
    }
}
