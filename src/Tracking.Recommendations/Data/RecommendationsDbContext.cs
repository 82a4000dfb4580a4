using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Tracking.Recommendations.Domain;
using Tracking.ServiceDefaults.Persistence;

namespace Tracking.Recommendations.Data;

public abstract class RecommendationsDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    public const string ServiceName = "recommendations";

    public DbSet<Inspection> Inspections => Set<Inspection>();

    public DbSet<Recommendation> Recommendations => Set<Recommendation>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Inspection>(inspection =>
        {
            inspection.ToTable("inspections");
            inspection.HasKey(i => i.Id);
            inspection.Property(i => i.ProviderId).HasMaxLength(64);
            inspection.Property(i => i.ProviderName).HasMaxLength(200);
            inspection.Property(i => i.Region).HasMaxLength(100);
            inspection.Property(i => i.Title).HasMaxLength(300);
            inspection.Property(i => i.OverallRating).HasConversion<string>().HasMaxLength(30);
            inspection.Property(i => i.Status).HasConversion<string>().HasMaxLength(30);
            inspection.Property(i => i.Version).IsConcurrencyToken();
            inspection.Ignore(i => i.Provider);
            inspection.HasIndex(i => i.ProviderId);
            inspection.OwnsMany(i => i.Standards, standard =>
            {
                standard.ToTable("inspection_standards");
                standard.WithOwner().HasForeignKey("InspectionId");
                standard.HasKey("InspectionId", nameof(InspectionStandard.Code));
                standard.Property(s => s.Code).HasMaxLength(10);
                standard.Property(s => s.Rating).HasConversion<string>().HasMaxLength(30);
            });
            inspection.HasMany(i => i.Recommendations).WithOne(r => r.Inspection).HasForeignKey(r => r.InspectionId);
        });
        modelBuilder.Entity<Recommendation>(recommendation =>
        {
            recommendation.ToTable("recommendations");
            recommendation.HasKey(r => r.Id);
            recommendation.Property(r => r.ProviderId).HasMaxLength(64);
            recommendation.Property(r => r.Text).HasMaxLength(4000);
            recommendation.Property(r => r.Status).HasConversion<string>().HasMaxLength(30);
            recommendation.HasIndex(r => r.ProviderId);
            recommendation.HasIndex(r => new { r.InspectionId, r.Number }).IsUnique();
        });
    }
}

public sealed class RecommendationsSqliteDbContext(DbContextOptions<RecommendationsSqliteDbContext> options)
    : RecommendationsDbContext(options);

public sealed class RecommendationsPostgresDbContext(DbContextOptions<RecommendationsPostgresDbContext> options)
    : RecommendationsDbContext(options)
{
    protected override string Schema => ServiceName;
}

/// <summary>Lets `dotnet ef migrations add` build each provider's context without starting the server.</summary>
public sealed class RecommendationsSqliteDesignFactory : IDesignTimeDbContextFactory<RecommendationsSqliteDbContext>
{
    public RecommendationsSqliteDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<RecommendationsSqliteDbContext>().UseSqlite("Data Source=design.db").Options);
}

public sealed class RecommendationsPostgresDesignFactory : IDesignTimeDbContextFactory<RecommendationsPostgresDbContext>
{
    public RecommendationsPostgresDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<RecommendationsPostgresDbContext>()
            .UseNpgsql("Host=localhost", o => o.MigrationsHistoryTable("__EFMigrationsHistory", RecommendationsDbContext.ServiceName))
            .Options);
}
