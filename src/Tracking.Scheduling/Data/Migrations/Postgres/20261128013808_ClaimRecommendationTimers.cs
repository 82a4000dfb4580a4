using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tracking.Scheduling.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ClaimRecommendationTimers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Version",
                schema: "scheduling",
                table: "timed_recommendations",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Version",
                schema: "scheduling",
                table: "timed_recommendations");
        }
    }
}
