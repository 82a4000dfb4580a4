using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tracking.Messaging.Outbox;

/// <summary>
/// A sent event older than the retention age, moved out of the outbox so the relay's claim only ever looks at a
/// small table. Kept whole (sequence, id, body) so a replay can put it back and re-send it as it first went.
/// </summary>
public sealed class ArchivedOutboxMessage
{
    public long Sequence { get; init; }

    public Guid MessageId { get; init; }

    public string MessageType { get; init; } = "";

    public string Body { get; init; } = "";

    public DateTime OccurredAt { get; init; }

    public DateTime SentAt { get; init; }

    public int Attempts { get; init; }
}

internal sealed class ArchivedOutboxMessageConfiguration : IEntityTypeConfiguration<ArchivedOutboxMessage>
{
    public void Configure(EntityTypeBuilder<ArchivedOutboxMessage> builder)
    {
        builder.ToTable("outbox_archive");
        builder.HasKey(m => m.Sequence);

        // The original sequence, never a new one: a replay re-sends in the order events first happened.
        builder.Property(m => m.Sequence).ValueGeneratedNever();
        builder.HasIndex(m => m.MessageId).IsUnique();
        builder.Property(m => m.MessageType).HasMaxLength(300);
    }
}
