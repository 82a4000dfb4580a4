using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tracking.Recommendations.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IdempotencyKeyBoundToRequest : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RequestHash",
                table: "idempotent_requests",
                type: "TEXT",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RequestHash",
                table: "idempotent_requests");
        }
    }
}
