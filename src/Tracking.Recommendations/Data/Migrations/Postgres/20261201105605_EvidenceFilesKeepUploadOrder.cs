using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tracking.Recommendations.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EvidenceFilesKeepUploadOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Position",
                schema: "recommendations",
                table: "evidence_files",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Position",
                schema: "recommendations",
                table: "evidence_files");
        }
    }
}
