using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Tracking.ServiceDefaults.Idempotency;
using Tracking.ServiceDefaults.Inbox;
using Tracking.ServiceDefaults.Outbox;

namespace Tracking.ServiceDefaults.Persistence;

/// <summary>
/// Base of every service's own DbContext: adds the outbox and inbox tables so a state change, the events
/// it raises and the record of the message that caused it commit in one SaveChanges.
/// </summary>
public abstract class ServiceDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public DbSet<InboxMessage> Inbox => Set<InboxMessage>();

    /// <summary>PostgreSQL schema that holds this service's tables; null on SQLite (one file per service).</summary>
    protected virtual string? Schema => null;

    /// <summary>Queues an event to be published once the current SaveChanges commits.</summary>
    public void Publish<TEvent>(TEvent message, DateTimeOffset occurredAt) where TEvent : class
        => Outbox.Add(OutboxMessage.For(message, occurredAt));

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        if (Schema is not null)
        {
            modelBuilder.HasDefaultSchema(Schema);
        }

        modelBuilder.ApplyConfiguration(new OutboxMessageConfiguration());
        modelBuilder.ApplyConfiguration(new InboxMessageConfiguration());
        modelBuilder.ApplyConfiguration(new IdempotentRequestConfiguration());
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Times are stored as UTC everywhere; SQLite hands them back without a kind, so say it on the way in.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
