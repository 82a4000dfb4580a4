using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Tracking.Messaging;
using Tracking.Notifications.Delivery;
using Tracking.Notifications.Directory;
using Tracking.Notifications.Rules;
using Tracking.Notifications.Settings;
using Tracking.Notifications.UpdateRounds;
using Tracking.Notifications.Webhooks;

namespace Tracking.Notifications.Data;

public abstract class NotificationsDbContext(DbContextOptions options) : MessagingDbContext(options)
{
    public const string ServiceName = "notifications";

    public DbSet<Person> People => Set<Person>();

    public DbSet<ActionOwner> ActionOwners => Set<ActionOwner>();

    public DbSet<PublishedRecommendation> Recommendations => Set<PublishedRecommendation>();

    public DbSet<PersonSettings> Settings => Set<PersonSettings>();

    public DbSet<PendingOccasion> Occasions => Set<PendingOccasion>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<DeliveryLogEntry> DeliveryLog => Set<DeliveryLogEntry>();

    public DbSet<UpdateRound> UpdateRounds => Set<UpdateRound>();

    public DbSet<UpdateRequest> UpdateRequests => Set<UpdateRequest>();

    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();

    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    public DbSet<WebhookAttempt> WebhookAttempts => Set<WebhookAttempt>();

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
            owner.HasIndex(o => o.RecommendationId);
        });
        modelBuilder.Entity<UpdateRound>(round =>
        {
            round.ToTable("update_rounds");
            round.HasKey(r => r.Id);
            round.Property(r => r.Key).HasMaxLength(100);
            round.Property(r => r.StartedBy).HasMaxLength(100);

            // The cadence's round starts once, whichever process gets there first.
            round.HasIndex(r => r.Key).IsUnique();
        });
        modelBuilder.Entity<UpdateRequest>(request =>
        {
            request.ToTable("update_requests");
            request.HasKey(r => r.Id);
            request.Property(r => r.ProviderId).HasMaxLength(64);
            request.Property(r => r.Action).HasMaxLength(2000);
            request.Property(r => r.OwnerName).HasMaxLength(200);
            request.Property(r => r.OwnerEmail).HasMaxLength(320);
            request.HasIndex(r => new { r.RoundId, r.ActionId }).IsUnique();
            request.HasIndex(r => new { r.ActionId, r.AnsweredAt });
            request.HasIndex(r => new { r.RecommendationId, r.AnsweredAt });
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
        modelBuilder.Entity<PendingOccasion>(occasion =>
        {
            occasion.ToTable("occasions");
            occasion.HasKey(o => o.Id);
            occasion.Property(o => o.EventKey).HasMaxLength(200);
            occasion.Property(o => o.Rule).HasMaxLength(60);
            occasion.Property(o => o.ProviderId).HasMaxLength(64);
            occasion.Property(o => o.Link).HasMaxLength(500);
            occasion.Property(o => o.Audience).HasConversion<int>();

            // One occasion per event and rule, however often the event arrives.
            occasion.HasIndex(o => new { o.EventKey, o.Rule }).IsUnique();
            occasion.HasIndex(o => new { o.ResolvedAt, o.CreatedAt });
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
        modelBuilder.Entity<WebhookEndpoint>(endpoint =>
        {
            endpoint.ToTable("webhook_endpoints");
            endpoint.HasKey(e => e.Id);
            endpoint.Property(e => e.ProviderId).HasMaxLength(64);
            endpoint.Property(e => e.Url).HasMaxLength(500);
            endpoint.Property(e => e.EventTypes).HasMaxLength(1000);
            endpoint.Property(e => e.Secret).HasMaxLength(200);
            endpoint.Property(e => e.DisabledReason).HasMaxLength(2000);
            endpoint.Property(e => e.CreatedBy).HasMaxLength(100);
            endpoint.Ignore(e => e.Types);
            endpoint.HasIndex(e => e.ProviderId);
        });
        modelBuilder.Entity<WebhookDelivery>(delivery =>
        {
            delivery.ToTable("webhook_deliveries");
            delivery.HasKey(d => d.Id);
            delivery.Property(d => d.EventType).HasMaxLength(60);
            delivery.Property(d => d.EventKey).HasMaxLength(200);
            delivery.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
            delivery.Property(d => d.LastError).HasMaxLength(2000);

            // Exactly once per endpoint: a redelivered or replayed event cannot be queued for it twice.
            delivery.HasIndex(d => new { d.EndpointId, d.EventKey }).IsUnique();
            delivery.HasIndex(d => new { d.Status, d.NextAttemptAt });
        });
        modelBuilder.Entity<WebhookAttempt>(attempt =>
        {
            attempt.ToTable("webhook_attempts");
            attempt.HasKey(a => a.Id);
            attempt.Property(a => a.Outcome).HasMaxLength(30);
            attempt.Property(a => a.Detail).HasMaxLength(2000);
            attempt.HasIndex(a => a.DeliveryId);
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
