using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tracking.Messaging.Outbox;

/// <summary>An event waiting to leave the service; written in the same transaction as the change that raised it.</summary>
public sealed class OutboxMessage
{
    public long Sequence { get; private set; }

    /// <summary>Becomes the bus message id, so a re-sent event is recognised by consumers' inboxes.</summary>
    public Guid MessageId { get; private set; }

    public string MessageType { get; private set; } = "";

    public string Body { get; private set; } = "";

    public DateTime OccurredAt { get; private set; }

    public DateTime? SentAt { get; private set; }

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    public static OutboxMessage For<TEvent>(TEvent message, DateTimeOffset occurredAt) where TEvent : class => new()
    {
        MessageId = Guid.NewGuid(),
        MessageType = typeof(TEvent).FullName!,
        Body = JsonSerializer.Serialize(message, MessageJson.Options),
        OccurredAt = occurredAt.UtcDateTime,
    };

    public void MarkSent(DateTimeOffset at)
    {
        SentAt = at.UtcDateTime;
        Attempts++;
        LastError = null;
    }

    public void MarkFailed(string error)
    {
        Attempts++;
        LastError = error.Length > 2000 ? error[..2000] : error;
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox_messages");
        builder.HasKey(m => m.Sequence);
        builder.Property(m => m.Sequence).ValueGeneratedOnAdd();
        builder.HasIndex(m => m.MessageId).IsUnique();
        builder.Property(m => m.MessageType).HasMaxLength(300);
        builder.HasIndex(m => m.SentAt);
    }
}

public static class MessageJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
