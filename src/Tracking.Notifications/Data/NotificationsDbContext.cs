using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Tracking.Messaging;
using Tracking.Notifications.Delivery;
using Tracking.Notifications.Directory;
using Tracking.Notifications.Settings;

namespace Tracking.Notifications.Data;

public abstract class NotificationsDbContext(DbContextOptions options) : MessagingDbContext(options)
{
    public const string ServiceName = "notifications";

    public DbSet<Person> People => Set<Person>();

    public DbSet<ActionOwner> ActionOwners => Set<ActionOwner>();

    public DbSet<PublishedRecommendation> Recommendations => Set<PublishedRecommendation>();

    public DbSet<PersonSettings> Settings => Set<PersonSettings>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<DeliveryLogEntry> DeliveryLog => Set<DeliveryLogEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Person>(person =>
        {
            person.ToTable("people");
            person.HasKey(p => p.PersonId);
            person.Property(p => p.PersonId).HasMaxLength(100);
            person.Property(p => p.Email).HasMaxLength(320);
            person.Property(p => p.Name).HasMaxLength(200);
            person.Property(p => p.Role).HasMaxLength(40);
            person.Property(p => p.ProviderId).HasMaxLength(64);
            person.HasIndex(p => new { p.Role, p.ProviderId });
        });
        modelBuilder.Entity<ActionOwner>(owner =>
        {
            owner.ToTable("action_owners");
            owner.HasKey(o => o.ActionId);
            owner.Property(o => o.ProviderId).HasMaxLength(64);
            owner.Property(o => o.Description).HasMaxLength(2000);
            owner.Property(o => o.OwnerName).HasMaxLength(200);
            owner.Property(o => o.OwnerEmail).HasMaxLength(320);
        });
        modelBuilder.Entity<PublishedRecommendation>(recommendation =>
        {
            recommendation.ToTable("recommendations");
            recommendation.HasKey(r => r.RecommendationId);
            recommendation.Property(r => r.ProviderId).HasMaxLength(64);
            recommendation.Property(r => r.ProviderName).HasMaxLength(200);
            recommendation.Property(r => r.InspectionTitle).HasMaxLength(300);
            recommendation.Property(r => r.PublishedBy).HasMaxLength(100);
        });
        modelBuilder.Entity<PersonSettings>(settings =>
        {
            settings.ToTable("settings");
            settings.HasKey(s => s.Email);
            settings.Property(s => s.Email).HasMaxLength(320);
            settings.Property(s => s.Mode).HasConversion<string>().HasMaxLength(20);
        });
        modelBuilder.Entity<Notification>(notification =>
        {
            notification.ToTable("notifications");
            notification.HasKey(n => n.Id);
            notification.Property(n => n.EventKey).HasMaxLength(200);
            notification.Property(n => n.Recipient).HasMaxLength(320);
            notification.Property(n => n.Rule).HasMaxLength(60);
            notification.Property(n => n.Subject).HasMaxLength(300);
            notification.Property(n => n.Link).HasMaxLength(500);
            notification.Property(n => n.Status).HasConversion<string>().HasMaxLength(20);
            notification.Property(n => n.LastError).HasMaxLength(2000);

            // Exactly once: the database refuses a second mail for the same event, person and rule.
            notification.HasIndex(n => new { n.EventKey, n.Recipient, n.Rule }).IsUnique();
            notification.HasIndex(n => new { n.Status, n.NextAttemptAt });
            notification.HasIndex(n => new { n.Recipient, n.Status });
        });
        modelBuilder.Entity<DeliveryLogEntry>(entry =>
        {
            entry.ToTable("delivery_log");
            entry.HasKey(e => e.Id);
            entry.Property(e => e.Outcome).HasMaxLength(30);
            entry.Property(e => e.Detail).HasMaxLength(2000);
            entry.HasIndex(e => e.NotificationId);
        });
    }
}

public sealed class NotificationsSqliteDbContext(DbContextOptions<NotificationsSqliteDbContext> options) : NotificationsDbContext(options);

public sealed class NotificationsPostgresDbContext(DbContextOptions<NotificationsPostgresDbContext> options) : NotificationsDbContext(options)
{
    protected override string Schema => ServiceName;
}

public sealed class NotificationsSqliteDesignFactory : IDesignTimeDbContextFactory<NotificationsSqliteDbContext>
{
    public NotificationsSqliteDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<NotificationsSqliteDbContext>().UseSqlite("Data Source=design.db").Options);
}

public sealed class NotificationsPostgresDesignFactory : IDesignTimeDbContextFactory<NotificationsPostgresDbContext>
{
    public NotificationsPostgresDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<NotificationsPostgresDbContext>()
            .UseNpgsql("Host=localhost", o => o.MigrationsHistoryTable("__EFMigrationsHistory", NotificationsDbContext.ServiceName))
            .Options);
}
