using Microsoft.EntityFrameworkCore;
using Tracking.Messaging.Inbox;
using Tracking.Messaging.Outbox;
using Tracking.ServiceDefaults.Persistence;

namespace Tracking.Messaging;

/// <summary>
/// Base of every service's own DbContext that sends or receives messages: adds the outbox and inbox tables, so a
/// state change, the events it raises and the record of the message that caused it commit in one SaveChanges.
/// It derives from ServiceDefaults' context (messaging depends on persistence, never the reverse), which keeps
/// ServiceDefaults free of Tracking.Contracts and MassTransit.
/// </summary>
public abstract class MessagingDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public DbSet<InboxMessage> Inbox => Set<InboxMessage>();

    /// <summary>Sent events past the retention age; the replay reads them back.</summary>
    public DbSet<ArchivedOutboxMessage> OutboxArchive => Set<ArchivedOutboxMessage>();

    /// <summary>Set when this context wrote unsent events inside a transaction not yet committed; the outbox signal wakes the relay at the commit.</summary>
    public bool OutboxWrittenInTransaction { get; set; }

    /// <summary>Queues an event to be published once the current SaveChanges commits.</summary>
    public void Publish<TEvent>(TEvent message, DateTimeOffset occurredAt) where TEvent : class
        => Outbox.Add(OutboxMessage.For(message, occurredAt));

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfiguration(new OutboxMessageConfiguration());
        modelBuilder.ApplyConfiguration(new InboxMessageConfiguration());
        modelBuilder.ApplyConfiguration(new ArchivedOutboxMessageConfiguration());
    }
}
