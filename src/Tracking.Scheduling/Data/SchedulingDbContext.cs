using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Tracking.Scheduling.Deadlines;
using Tracking.Scheduling.Features.SubscribeToCalendar;
using Tracking.Scheduling.FollowUps;

using Tracking.Messaging;
using Tracking.ServiceDefaults.Persistence;

namespace Tracking.Scheduling.Data;

public abstract class SchedulingDbContext(DbContextOptions options) : MessagingDbContext(options)
{
    public const string ServiceName = "scheduling";

    public DbSet<TimedRecommendation> Recommendations => Set<TimedRecommendation>();

    public DbSet<Deadline> Deadlines => Set<Deadline>();

    public DbSet<Reminder> Reminders => Set<Reminder>();

    public DbSet<FollowUpReview> FollowUpReviews => Set<FollowUpReview>();

    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<TimedRecommendation>(row =>
        {
            row.ToTable("timed_recommendations");
            row.HasKey(r => r.RecommendationId);
            row.Property(r => r.ProviderId).HasMaxLength(64);
            row.HasIndex(r => r.ProviderId);
            row.HasIndex(r => r.InspectionId);
            row.Property(r => r.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<Deadline>(row =>
        {
            row.ToTable("deadlines");
            row.HasKey(d => d.Id);
            row.Property(d => d.Kind).HasMaxLength(32);
            row.Property(d => d.ProviderId).HasMaxLength(64);
            row.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
            row.Property(d => d.Revision).IsConcurrencyToken();
            row.Ignore(d => d.WasMissed);
            row.HasMany(d => d.Reminders).WithOne().HasForeignKey(r => r.DeadlineId);
            // The sweep's range queries: open deadlines not yet reported missed by due time, missed ones not yet escalated.
            row.HasIndex(d => new { d.Status, d.DueAt }).HasFilter("\"MissedRaisedAt\" IS NULL");
            row.HasIndex(d => new { d.Status, d.MissedRaisedAt }).HasFilter("\"EscalationRaisedAt\" IS NULL");
            row.HasIndex(d => d.RecommendationId);
            row.HasIndex(d => d.ProviderId);
        });
        modelBuilder.Entity<Reminder>(row =>
        {
            row.ToTable("reminders");
            row.HasKey(r => r.Id);
            row.HasIndex(r => r.FireAt).HasFilter("\"SentAt\" IS NULL");
        });
        modelBuilder.Entity<FollowUpReview>(row =>
        {
            row.ToTable("follow_up_reviews");
            row.HasKey(r => r.Id);
            row.Property(r => r.ProviderId).HasMaxLength(64);
            row.Property(r => r.UpdatedBy).HasMaxLength(200);
            row.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
            row.Property(r => r.Revision).IsConcurrencyToken();
            row.HasIndex(r => new { r.Status, r.DueAt });
            row.HasIndex(r => r.InspectionId);
            row.HasIndex(r => r.ProviderId);
        });
        modelBuilder.Entity<CalendarFeed>(row =>
        {
            row.ToTable("calendar_feeds");
            row.HasKey(f => f.Id);
            row.Property(f => f.TokenHash).HasMaxLength(64);
            row.Property(f => f.Subject).HasMaxLength(200);
            row.Property(f => f.Role).HasMaxLength(32);
            row.Property(f => f.ProviderIds).HasMaxLength(2000);
            row.Ignore(f => f.VisibleProviders);
            row.HasIndex(f => f.TokenHash).IsUnique();
            row.HasIndex(f => f.Subject);
        });
    }
}

public sealed class SchedulingSqliteDbContext(DbContextOptions<SchedulingSqliteDbContext> options) : SchedulingDbContext(options);

public sealed class SchedulingPostgresDbContext(DbContextOptions<SchedulingPostgresDbContext> options) : SchedulingDbContext(options)
{
    protected override string Schema => ServiceName;
}

public sealed class SchedulingSqliteDesignFactory : IDesignTimeDbContextFactory<SchedulingSqliteDbContext>
{
    public SchedulingSqliteDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SchedulingSqliteDbContext>().UseSqlite("Data Source=design.db").Options);
}

public sealed class SchedulingPostgresDesignFactory : IDesignTimeDbContextFactory<SchedulingPostgresDbContext>
{
    public SchedulingPostgresDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SchedulingPostgresDbContext>()
            .UseNpgsql("Host=localhost", o => o.MigrationsHistoryTable("__EFMigrationsHistory", SchedulingDbContext.ServiceName))
            .Options);
}
