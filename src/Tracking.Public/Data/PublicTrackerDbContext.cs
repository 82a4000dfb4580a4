using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Tracking.Contracts;
using Tracking.Messaging;
using Tracking.Public.ReadModel;

namespace Tracking.Public.Data;

public abstract class PublicTrackerDbContext(DbContextOptions options) : MessagingDbContext(options)
{
    /// <summary>Not "public": that is PostgreSQL's default schema, shared by whatever else is in the database.</summary>
    public const string ServiceName = "public_tracker";

    public DbSet<TrackedProvider> Providers => Set<TrackedProvider>();

    public DbSet<TrackedInspection> Inspections => Set<TrackedInspection>();

    public DbSet<TrackedRecommendation> Recommendations => Set<TrackedRecommendation>();

    public DbSet<StatusUpdate> StatusUpdates => Set<StatusUpdate>();

    /// <summary>Finds the provider row, adding it (or refreshing its name and region) from the event's copy.</summary>
    public async Task<TrackedProvider> RememberProvider(ProviderRef provider, CancellationToken ct)
    {
        var row = await Providers.FindAsync([provider.Id], ct);
        if (row is null)
        {
            row = new TrackedProvider { ProviderId = provider.Id };
            Providers.Add(row);
        }

        row.Name = provider.Name;
        row.Region = provider.Region;
        return row;
    }

    /// <summary>
    /// Keeps the status a state version gave, between the versions that have arrived before and after it, and marks
    /// which of them changed the status; the caller's SaveChanges commits it with the event's inbox row.
    /// </summary>
    public async Task RecordUpdate(Guid recommendationId, string providerId, int version, PublicStatus status, DateTimeOffset occurredAt,
        string? progressJudgement, CancellationToken ct)
    {
        if (await StatusUpdates.FindAsync([recommendationId, version], ct) is not null)
        {
            return;
        }

        var update = new StatusUpdate
        {
            RecommendationId = recommendationId, Version = version, ProviderId = providerId, OccurredAt = occurredAt.UtcDateTime,
            Status = status, ProgressJudgement = progressJudgement,
        };
        var before = await StatusUpdates.Where(u => u.RecommendationId == recommendationId && u.Version < version)
            .OrderByDescending(u => u.Version).FirstOrDefaultAsync(ct);
        var after = await StatusUpdates.Where(u => u.RecommendationId == recommendationId && u.Version > version)
            .OrderBy(u => u.Version).FirstOrDefaultAsync(ct);
        update.Follows(before);
        after?.Follows(update);
        StatusUpdates.Add(update);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<TrackedProvider>(provider =>
        {
            provider.ToTable("providers");
            provider.HasKey(p => p.ProviderId);
            provider.Property(p => p.ProviderId).HasMaxLength(64);
            provider.Property(p => p.Name).HasMaxLength(200);
            provider.Property(p => p.Region).HasMaxLength(100);
            provider.HasIndex(p => p.Region);
        });
        modelBuilder.Entity<TrackedInspection>(inspection =>
        {
            inspection.ToTable("inspections");
            inspection.HasKey(i => i.InspectionId);
            inspection.Property(i => i.ProviderId).HasMaxLength(64);
            inspection.Property(i => i.Title).HasMaxLength(300);
            inspection.Property(i => i.OverallRating).HasMaxLength(30);
            inspection.HasIndex(i => i.ProviderId);
            inspection.OwnsMany(i => i.Standards, standard =>
            {
                standard.ToTable("inspection_standards");
                standard.WithOwner().HasForeignKey("InspectionId");
                standard.HasKey("InspectionId", nameof(TrackedStandardRating.Code));
                standard.Property(s => s.Code).HasMaxLength(10);
                standard.Property(s => s.Name).HasMaxLength(200);
                standard.Property(s => s.Rating).HasMaxLength(30);
            });
        });
        modelBuilder.Entity<TrackedRecommendation>(recommendation =>
        {
            recommendation.ToTable("recommendations");
            recommendation.HasKey(r => r.RecommendationId);
            recommendation.Property(r => r.ProviderId).HasMaxLength(64);
            recommendation.Property(r => r.Text).HasMaxLength(4000);
            recommendation.Property(r => r.Status).HasConversion<string>().HasMaxLength(30);
            recommendation.Property(r => r.ResponseCategory).HasMaxLength(30);
            recommendation.Property(r => r.LastProgressJudgement).HasMaxLength(30);
            recommendation.Property(r => r.Changes).IsConcurrencyToken();
            recommendation.HasIndex(r => r.InspectionId);
            recommendation.HasIndex(r => new { r.ProviderId, r.Status });
        });
        modelBuilder.Entity<StatusUpdate>(update =>
        {
            update.ToTable("status_updates");
            update.HasKey(u => new { u.RecommendationId, u.Version });
            update.Property(u => u.ProviderId).HasMaxLength(64);
            update.Property(u => u.Status).HasConversion<string>().HasMaxLength(30);
            update.Property(u => u.PreviousStatus).HasConversion<string>().HasMaxLength(30);
            update.Property(u => u.ProgressJudgement).HasMaxLength(30);

            // The feeds read the newest changes, nationally and per provider.
            update.HasIndex(u => new { u.IsStatusChange, u.OccurredAt });
            update.HasIndex(u => new { u.ProviderId, u.OccurredAt });
        });
    }
}

public sealed class PublicTrackerSqliteDbContext(DbContextOptions<PublicTrackerSqliteDbContext> options) : PublicTrackerDbContext(options);

public sealed class PublicTrackerPostgresDbContext(DbContextOptions<PublicTrackerPostgresDbContext> options) : PublicTrackerDbContext(options)
{
    protected override string Schema => ServiceName;
}

public sealed class PublicTrackerSqliteDesignFactory : IDesignTimeDbContextFactory<PublicTrackerSqliteDbContext>
{
    public PublicTrackerSqliteDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PublicTrackerSqliteDbContext>().UseSqlite("Data Source=design.db").Options);
}

public sealed class PublicTrackerPostgresDesignFactory : IDesignTimeDbContextFactory<PublicTrackerPostgresDbContext>
{
    public PublicTrackerPostgresDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PublicTrackerPostgresDbContext>()
            .UseNpgsql("Host=localhost", o => o.MigrationsHistoryTable("__EFMigrationsHistory", PublicTrackerDbContext.ServiceName))
            .Options);
}
