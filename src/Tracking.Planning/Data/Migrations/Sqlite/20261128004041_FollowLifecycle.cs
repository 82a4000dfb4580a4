using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tracking.Planning.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FollowLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "AwaitingPublication",
                table: "outstanding_recommendations",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ClosedAs",
                table: "outstanding_recommendations",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ClosedAt",
                table: "outstanding_recommendations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EvidenceAwaitingReview",
                table: "outstanding_recommendations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "LastEvidenceOn",
                table: "outstanding_recommendations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastProgressJudgement",
                table: "outstanding_recommendations",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "NextDueOn",
                table: "outstanding_recommendations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OpenActions",
                table: "outstanding_recommendations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "TargetDate",
                table: "outstanding_recommendations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "outstanding_recommendations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AwaitingPublication",
                table: "outstanding_recommendations");

            migrationBuilder.DropColumn(
                name: "ClosedAs",
                table: "outstanding_recommendations");

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "outstanding_recommendations");

            migrationBuilder.DropColumn(
                name: "EvidenceAwaitingReview",
                table: "outstanding_recommendations");

            migrationBuilder.DropColumn(
                name: "LastEvidenceOn",
                table: "outstanding_recommendations");

            migrationBuilder.DropColumn(
                name: "LastProgressJudgement",
                table: "outstanding_recommendations");

            migrationBuilder.DropColumn(
                name: "NextDueOn",
                table: "outstanding_recommendations");

            migrationBuilder.DropColumn(
                name: "OpenActions",
                table: "outstanding_recommendations");

            migrationBuilder.DropColumn(
                name: "TargetDate",
                table: "outstanding_recommendations");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "outstanding_recommendations");
        }
    }
}
