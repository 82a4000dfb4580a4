using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tracking.Recommendations.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RecordWhoRecordedAndPublished : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PublishedBy",
                schema: "recommendations",
                table: "inspections",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecordedBy",
                schema: "recommendations",
                table: "inspections",
                type: "text",
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PublishedBy",
                schema: "recommendations",
                table: "inspections");

            migrationBuilder.DropColumn(
                name: "RecordedBy",
                schema: "recommendations",
                table: "inspections");
        }
    }
}
