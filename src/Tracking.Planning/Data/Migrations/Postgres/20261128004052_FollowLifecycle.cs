using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tracking.Planning.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FollowLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "AwaitingPublication",
                schema: "planning",
                table: "outstanding_recommendations",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ClosedAs",
                schema: "planning",
                table: "outstanding_recommendations",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ClosedAt",
                schema: "planning",
                table: "outstanding_recommendations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EvidenceAwaitingReview",
                schema: "planning",
                table: "outstanding_recommendations",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "LastEvidenceOn",
                schema: "planning",
                table: "outstanding_recommendations",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastProgressJudgement",
                schema: "planning",
                table: "outstanding_recommendations",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "NextDueOn",
                schema: "planning",
                table: "outstanding_recommendations",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OpenActions",
                schema: "planning",
                table: "outstanding_recommendations",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "TargetDate",
                schema: "planning",
                table: "outstanding_recommendations",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                schema: "planning",
                table: "outstanding_recommendations",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AwaitingPublication",
                schema: "planning",
                table: "outstanding_recommendations");

            migrationBuilder.DropColumn(
                name: "ClosedAs",
                schema: "planning",
                table: "outstanding_recommendations");

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                schema: "planning",
                table: "outstanding_recommendations");

            migrationBuilder.DropColumn(
                name: "EvidenceAwaitingReview",
                schema: "planning",
                table: "outstanding_recommendations");

            migrationBuilder.DropColumn(
                name: "LastEvidenceOn",
                schema: "planning",
                table: "outstanding_recommendations");

            migrationBuilder.DropColumn(
                name: "LastProgressJudgement",
                schema: "planning",
                table: "outstanding_recommendations");

            migrationBuilder.DropColumn(
                name: "NextDueOn",
                schema: "planning",
                table: "outstanding_recommendations");

            migrationBuilder.DropColumn(
                name: "OpenActions",
                schema: "planning",
                table: "outstanding_recommendations");

            migrationBuilder.DropColumn(
                name: "TargetDate",
                schema: "planning",
                table: "outstanding_recommendations");

            migrationBuilder.DropColumn(
                name: "Version",
                schema: "planning",
                table: "outstanding_recommendations");
        }
    }
}
