using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Tracking.Contracts;
using Tracking.Messaging.Inbox;

namespace Tracking.Messaging.Replay;

/// <summary>
/// Answers <see cref="ReplayEvents"/> by marking every outbox message unsent: the relay then publishes them all again,
/// oldest first, with their original ids. The outbox keeps sent messages for exactly this. A service's own
/// ReplayEventsConsumer (in its Consumers folder) derives from this, so it sits on the service's queue.
/// </summary>
public abstract class ReplayOutbox<TContext>(TContext db, TimeProvider clock, ILogger logger)
    : IdempotentConsumer<ReplayEvents, TContext>(db, clock)
    where TContext : MessagingDbContext
{
    protected override async Task Handle(ReplayEvents message, ConsumeContext<ReplayEvents> context)
    {
        var replayed = await Db.Outbox.Where(m => m.SentAt != null)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.SentAt, (DateTime?)null), context.CancellationToken);
        Db.ChangeTracker.Clear();
        logger.LogInformation("Replaying {Count} events from the {Context} outbox, as {RequestedBy} asked ({RequestId})",
            replayed, typeof(TContext).Name, message.RequestedBy, message.RequestId);
    }
}
