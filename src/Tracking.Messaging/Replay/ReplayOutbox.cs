using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Tracking.Contracts;
using Tracking.Messaging.Inbox;
using Tracking.Messaging.Outbox;
using Tracking.ServiceDefaults.Persistence;

namespace Tracking.Messaging.Replay;

/// <summary>
/// Answers <see cref="ReplayEvents"/> by putting archived events back into the outbox and marking every outbox
/// message unsent: the relay then publishes them all again, oldest first (by their original sequence), with their
/// original ids, so consumers that had them already skip them. A read-model rebuild and a new service's catch-up
/// both ask for this. A service's own ReplayEventsConsumer (in its Consumers folder) derives from this.
/// </summary>
public abstract class ReplayOutbox<TContext>(TContext db, TimeProvider clock, ILogger logger)
    : IdempotentConsumer<ReplayEvents, TContext>(db, clock)
    where TContext : MessagingDbContext
{
    protected override async Task Handle(ReplayEvents message, ConsumeContext<ReplayEvents> context)
    {
        var ct = context.CancellationToken;
        const string columns = "\"Sequence\", \"MessageId\", \"MessageType\", \"Body\", \"OccurredAt\", \"SentAt\", \"Attempts\"";
        const string unsent = "\"Sequence\", \"MessageId\", \"MessageType\", \"Body\", \"OccurredAt\", NULL, \"Attempts\"";
        var outbox = Db.QualifiedTable<OutboxMessage>();
        var archive = Db.QualifiedTable<ArchivedOutboxMessage>();
        var restore = $"INSERT INTO {outbox} ({columns}) SELECT {unsent} FROM {archive} WHERE true ON CONFLICT DO NOTHING";
        var emptyArchive = $"DELETE FROM {archive}";

        // One transaction, and restored rows already unsent: the archiver can never take them back before they are re-sent.
        await using var transaction = await Db.Database.BeginTransactionAsync(ct);
        var restored = await Db.Database.ExecuteSqlRawAsync(restore, ct);
        await Db.Database.ExecuteSqlRawAsync(emptyArchive, ct);
        var replayed = restored + await Db.Outbox.Where(m => m.SentAt != null)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.SentAt, (DateTime?)null), ct);
        // Written by statement, not SaveChanges: tell the outbox signal, which wakes the relay at the commit.
        Db.OutboxWrittenInTransaction = true;
        await transaction.CommitAsync(ct);
        Db.ChangeTracker.Clear();
        logger.LogInformation("Replaying {Count} events ({Restored} from the archive) from the {Context} outbox, as {RequestedBy} asked ({RequestId})",
            replayed, restored, typeof(TContext).Name, message.RequestedBy, message.RequestId);
    }
}
