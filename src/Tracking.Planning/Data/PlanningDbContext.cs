using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Tracking.Contracts;
using Tracking.Planning.Features.PlanReinspection;
using Tracking.Planning.ReadModel;
using Tracking.Messaging;
using Tracking.ServiceDefaults.Persistence;

namespace Tracking.Planning.Data;

public abstract class PlanningDbContext(DbContextOptions options) : MessagingDbContext(options)
{
    public const string ServiceName = "planning";

    public DbSet<OutstandingRecommendation> Outstanding => Set<OutstandingRecommendation>();

    public DbSet<PlannedProvider> Providers => Set<PlannedProvider>();

    public DbSet<MissedDeadline> MissedDeadlines => Set<MissedDeadline>();

    public DbSet<ScheduledDeadline> ScheduledDeadlines => Set<ScheduledDeadline>();

    public DbSet<PlannedAction> PlannedActions => Set<PlannedAction>();

    public DbSet<EvidenceItem> EvidenceItems => Set<EvidenceItem>();

    public DbSet<ReinspectionPlan> ReinspectionPlans => Set<ReinspectionPlan>();

    /// <summary>Finds the provider row, adding it (or refreshing its name and region) from the event's copy.</summary>
    public async Task<PlannedProvider> RememberProvider(ProviderRef provider, CancellationToken cancellationToken)
    {
        var row = await Providers.FindAsync([provider.Id], cancellationToken);
        if (row is null)
        {
            row = new PlannedProvider { ProviderId = provider.Id };
            Providers.Add(row);
        }

        row.Name = provider.Name;
        row.Region = provider.Region;
        return row;
    }

    /// <summary>Finds the deadline's row, adding an empty one when neither of its events has arrived before.</summary>
    public async Task<MissedDeadline> DeadlineRow(Guid deadlineId, CancellationToken cancellationToken)
    {
        var row = await MissedDeadlines.FindAsync([deadlineId], cancellationToken);
        if (row is null)
        {
            row = new MissedDeadline { DeadlineId = deadlineId };
            MissedDeadlines.Add(row);
        }

        return row;
    }

    /// <summary>Finds the action's row, adding an empty one when none of its events has arrived before.</summary>
    public async Task<PlannedAction> ActionRow(Guid actionId, CancellationToken cancellationToken)
    {
        var row = await PlannedActions.FindAsync([actionId], cancellationToken);
        if (row is null)
        {
            row = new PlannedAction { ActionId = actionId };
            PlannedActions.Add(row);
        }

        return row;
    }

    /// <summary>Finds the evidence's row, adding an empty one when neither of its events has arrived before.</summary>
    public async Task<EvidenceItem> EvidenceRow(Guid evidenceId, CancellationToken cancellationToken)
    {
        var row = await EvidenceItems.FindAsync([evidenceId], cancellationToken);
        if (row is null)
        {
            row = new EvidenceItem { EvidenceId = evidenceId };
            EvidenceItems.Add(row);
        }

        return row;
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<OutstandingRecommendation>(row =>
        {
            row.ToTable("outstanding_recommendations");
            row.HasKey(r => r.RecommendationId);
            row.Property(r => r.ProviderId).HasMaxLength(64);
            row.Property(r => r.Status).HasMaxLength(30);
            row.Property(r => r.Text).HasMaxLength(4000);
            row.Property(r => r.LastProgressJudgement).HasMaxLength(30);
            row.Property(r => r.ClosedAs).HasMaxLength(30);

            // Two events for one recommendation consumed at once: the later save fails, is retried and re-compares versions.
            row.Property(r => r.Version).IsConcurrencyToken();
            row.Property(r => r.DeadlineChanges).IsConcurrencyToken();
            row.Ignore(r => r.NextDue);
            row.HasIndex(r => new { r.ProviderId, r.Status });
        });
        modelBuilder.Entity<PlannedProvider>(provider =>
        {
            provider.ToTable("providers");
            provider.HasKey(p => p.ProviderId);
            provider.Property(p => p.ProviderId).HasMaxLength(64);
            provider.Property(p => p.Name).HasMaxLength(200);
            provider.Property(p => p.Region).HasMaxLength(100);
            provider.Property(p => p.LastInspectionTitle).HasMaxLength(300);
            provider.Property(p => p.LastInspectionRating).HasMaxLength(30);
            provider.HasIndex(p => p.Region);
        });
        modelBuilder.Entity<MissedDeadline>(deadline =>
        {
            deadline.ToTable("missed_deadlines");
            deadline.HasKey(d => d.DeadlineId);
            deadline.Property(d => d.ProviderId).HasMaxLength(64);
            deadline.Property(d => d.Kind).HasMaxLength(30);

            // The outstanding view asks, per recommendation, for its uncleared missed deadlines.
            deadline.HasIndex(d => new { d.RecommendationId, d.Cleared });
        });
        modelBuilder.Entity<ScheduledDeadline>(deadline =>
        {
            deadline.ToTable("scheduled_deadlines");
            deadline.HasKey(d => d.DeadlineId);
            deadline.Property(d => d.Kind).HasMaxLength(30);
            deadline.HasIndex(d => d.RecommendationId);
        });
        modelBuilder.Entity<PlannedAction>(action =>
        {
            action.ToTable("planned_actions");
            action.HasKey(a => a.ActionId);
            action.Property(a => a.Description).HasMaxLength(2000);
            action.Property(a => a.OwnerName).HasMaxLength(200);
            action.Property(a => a.Changes).IsConcurrencyToken();
            action.HasIndex(a => a.RecommendationId);
        });
        modelBuilder.Entity<EvidenceItem>(evidence =>
        {
            evidence.ToTable("evidence_items");
            evidence.HasKey(e => e.EvidenceId);
            evidence.Property(e => e.Outcome).HasMaxLength(30);
            evidence.Property(e => e.ProgressJudgement).HasMaxLength(30);
            evidence.Property(e => e.Changes).IsConcurrencyToken();
            evidence.HasIndex(e => e.RecommendationId);
        });
        modelBuilder.ApplyConfiguration(new ReinspectionPlanConfiguration());
    }
}

public sealed class PlanningSqliteDbContext(DbContextOptions<PlanningSqliteDbContext> options) : PlanningDbContext(options);

public sealed class PlanningPostgresDbContext(DbContextOptions<PlanningPostgresDbContext> options) : PlanningDbContext(options)
{
    protected override string Schema => ServiceName;
}

public sealed class PlanningSqliteDesignFactory : IDesignTimeDbContextFactory<PlanningSqliteDbContext>
{
    public PlanningSqliteDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PlanningSqliteDbContext>().UseSqlite("Data Source=design.db").Options);
}

public sealed class PlanningPostgresDesignFactory : IDesignTimeDbContextFactory<PlanningPostgresDbContext>
{
    public PlanningPostgresDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PlanningPostgresDbContext>()
            .UseNpgsql("Host=localhost", o => o.MigrationsHistoryTable("__EFMigrationsHistory", PlanningDbContext.ServiceName))
            .Options);
}
