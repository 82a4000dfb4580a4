using Microsoft.EntityFrameworkCore;
using Tracking.Contracts;
using Microsoft.EntityFrameworkCore.Design;
using Tracking.Recommendations.Domain;
using Tracking.Messaging;
using Tracking.ServiceDefaults.Persistence;

namespace Tracking.Recommendations.Data;

public abstract class RecommendationsDbContext(DbContextOptions options) : MessagingDbContext(options)
{
    public const string ServiceName = "recommendations";

    public DbSet<Inspection> Inspections => Set<Inspection>();

    public DbSet<Recommendation> Recommendations => Set<Recommendation>();

    public DbSet<HistoryEntry> History => Set<HistoryEntry>();

    /// <summary>A recommendation with everything its commands need, or null when there is none.</summary>
    public Task<Recommendation?> LoadRecommendation(Guid id, CancellationToken cancellationToken) => Recommendations
        .Include(r => r.Inspection)
        .Include(r => r.Responses)
        .Include(r => r.Actions)
        .Include(r => r.Evidence).ThenInclude(e => e.Files)
        .Include(r => r.Revisions)
        .FirstOrDefaultAsync(r => r.Id == id, cancellationToken);

    /// <summary>
    /// What submitting evidence needs, in one statement: the row (tracked, with its version), its actions, and what
    /// the evidence so far adds up to. The evidence itself stays in the database, so the cost does not grow with it.
    /// </summary>
    public async Task<Recommendation?> LoadForEvidence(Guid id, CancellationToken cancellationToken)
    {
        var found = await Recommendations.Where(r => r.Id == id)
            .Select(r => new
            {
                Recommendation = r,
                Actions = r.Actions.ToList(),
                AwaitingReview = r.Evidence.Count(e => e.Outcome == null),
                LatestEffectiveDate = r.Evidence.Max(e => (DateOnly?)e.EffectiveDate),
                LastJudgedAt = r.Evidence.Where(e => e.Judgement != null).Max(e => e.ReviewedAt),
                LastJudgement = r.Evidence.Where(e => e.Judgement != null).OrderByDescending(e => e.ReviewedAt).Select(e => e.Judgement).FirstOrDefault(),
            })
            .AsSingleQuery()
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var recommendation = found.Recommendation;
        foreach (var action in found.Actions.Where(a => !recommendation.Actions.Contains(a)))
        {
            recommendation.Actions.Add(action);
        }

        recommendation.EvidenceLeftUnloaded(new EvidenceSummary(found.AwaitingReview, found.LatestEffectiveDate, found.LastJudgedAt, found.LastJudgement));
        return recommendation;
    }

    /// <summary>
    /// A recommendation as people read it, untracked: the inspection's provider and date but not its ratings, and the
    /// response, actions, evidence and revisions, one statement each. Null when there is none.
    /// </summary>
    public async Task<(Recommendation Recommendation, ProviderRef Provider, DateOnly? PublishedOn)?> ReadRecommendation(Guid id, CancellationToken cancellationToken)
    {
        var found = await Recommendations.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new
            {
                Recommendation = r,
                InspectionProviderId = r.Inspection!.ProviderId,
                r.Inspection.ProviderName,
                r.Inspection.Region,
                r.Inspection.PublishedOn,
                Responses = r.Responses.ToList(),
                Actions = r.Actions.ToList(),
                Evidence = r.Evidence.ToList(),
                Revisions = r.Revisions.ToList(),
            })
            .AsSplitQuery()
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var recommendation = found.Recommendation;
        recommendation.Responses.AddRange(found.Responses);
        recommendation.Actions.AddRange(found.Actions);
        recommendation.Evidence.AddRange(found.Evidence);
        recommendation.Revisions.AddRange(found.Revisions);
        return (recommendation, new ProviderRef(found.InspectionProviderId, found.ProviderName, found.Region), found.PublishedOn);
    }

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
            recommendation.Property(r => r.Version).IsConcurrencyToken();
            recommendation.Property(r => r.ClosedAs).HasConversion<string>().HasMaxLength(30);
            recommendation.Property(r => r.ClosureComment).HasMaxLength(4000);
            recommendation.Ignore(r => r.CurrentResponse);
            recommendation.HasMany(r => r.Responses).WithOne().HasForeignKey(x => x.RecommendationId);
            recommendation.HasMany(r => r.Actions).WithOne().HasForeignKey(x => x.RecommendationId);
            recommendation.HasMany(r => r.Evidence).WithOne().HasForeignKey(x => x.RecommendationId);
            recommendation.HasMany(r => r.Revisions).WithOne().HasForeignKey(x => x.RecommendationId);
            recommendation.HasMany(r => r.History).WithOne().HasForeignKey(x => x.RecommendationId);
        });
        modelBuilder.Entity<ProviderResponse>(response =>
        {
            response.ToTable("provider_responses");
            response.HasKey(x => x.Id);
            response.HasIndex(x => new { x.RecommendationId, x.Version }).IsUnique();
            response.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
            response.Property(x => x.Rationale).HasMaxLength(4000);
            response.Property(x => x.RespondedBy).HasMaxLength(200);
        });
        modelBuilder.Entity<PlannedAction>(action =>
        {
            action.ToTable("planned_actions");
            action.HasKey(x => x.Id);
            action.Property(x => x.Description).HasMaxLength(2000);
            action.Property(x => x.OwnerName).HasMaxLength(200);
            action.Property(x => x.OwnerEmail).HasMaxLength(320);
            action.Property(x => x.MeasureOfSuccess).HasMaxLength(2000);
            action.Property(x => x.PlannedBy).HasMaxLength(200);
            action.Property(x => x.CompletedBy).HasMaxLength(200);
            action.Ignore(x => x.IsDone);
        });
        modelBuilder.Entity<EvidenceSubmission>(evidence =>
        {
            evidence.ToTable("evidence_submissions");
            evidence.HasKey(x => x.Id);
            evidence.Property(x => x.Narrative).HasMaxLength(10000);
            evidence.Property(x => x.SubmittedBy).HasMaxLength(200);
            evidence.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(30);
            evidence.Property(x => x.Judgement).HasConversion<string>().HasMaxLength(30);
            evidence.Property(x => x.ReviewComment).HasMaxLength(4000);
            evidence.Property(x => x.ReviewedBy).HasMaxLength(200);
            evidence.Ignore(x => x.AwaitsReview);
            evidence.OwnsMany(x => x.Files, file =>
            {
                file.ToTable("evidence_files");
                file.WithOwner().HasForeignKey("EvidenceId");
                file.HasKey(f => f.Id);
                file.Property(f => f.ContentHash).HasMaxLength(64);
                file.Property(f => f.ContentType).HasMaxLength(100);
                file.Property(f => f.OriginalName).HasMaxLength(255);
            });
        });
        modelBuilder.Entity<TargetDateRevision>(revision =>
        {
            revision.ToTable("target_date_revisions");
            revision.HasKey(x => x.Id);
            revision.Property(x => x.Reason).HasMaxLength(4000);
            revision.Property(x => x.Decision).HasConversion<string>().HasMaxLength(30);
            revision.Property(x => x.DecisionComment).HasMaxLength(4000);
            revision.Property(x => x.RequestedBy).HasMaxLength(200);
            revision.Property(x => x.DecidedBy).HasMaxLength(200);
        });
        modelBuilder.Entity<HistoryEntry>(entry =>
        {
            entry.ToTable("history_entries");
            entry.HasKey(x => x.Id);
            entry.HasIndex(x => new { x.RecommendationId, x.Sequence }).IsUnique();
            entry.Property(x => x.ActorSubject).HasMaxLength(200);
            entry.Property(x => x.ActorName).HasMaxLength(200);
            entry.Property(x => x.Change).HasMaxLength(60);
            entry.Property(x => x.What).HasMaxLength(4000);
            entry.Property(x => x.Why).HasMaxLength(10000);
        });

        // Ids are made in the domain (Guid v7). Saying so lets EF treat a new child found in a loaded
        // aggregate's collection as an insert rather than an update of a row that does not exist.
        foreach (var key in modelBuilder.Model.GetEntityTypes().SelectMany(t => t.GetKeys()).SelectMany(k => k.Properties)
                     .Where(p => p.ClrType == typeof(Guid) && p.Name == "Id"))
        {
            key.ValueGenerated = Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never;
        }
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
