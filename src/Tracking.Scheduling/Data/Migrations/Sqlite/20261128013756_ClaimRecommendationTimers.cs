using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tracking.Scheduling.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ClaimRecommendationTimers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "timed_recommendations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Version",
                table: "timed_recommendations");
        }
    }
}
