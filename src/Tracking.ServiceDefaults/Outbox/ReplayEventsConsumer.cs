using MassTransit;
using Microsoft.EntityFrameworkCore;
using Tracking.Contracts;
using Tracking.ServiceDefaults.Inbox;
using Tracking.ServiceDefaults.Persistence;

namespace Tracking.ServiceDefaults.Outbox;

/// <summary>
/// Answers <see cref="ReplayEvents"/> by marking every outbox message unsent: the relay then publishes them all again,
/// oldest first, with their original ids. The outbox keeps sent messages for exactly this.
/// </summary>
public sealed class ReplayEventsConsumer<TContext>(TContext db, TimeProvider clock) : IdempotentConsumer<ReplayEvents, TContext>(db, clock)
    where TContext : ServiceDbContext
{
    protected override async Task Handle(ReplayEvents message, ConsumeContext<ReplayEvents> context)
    {
        var replayed = await Db.Outbox.Where(m => m.SentAt != null)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.SentAt, (DateTime?)null), context.CancellationToken);
        Db.ChangeTracker.Clear();
        LogReplay(replayed);
    }

    private static void LogReplay(int count) =>
        System.Diagnostics.Activity.Current?.AddTag("tracking.replayed_events", count);
}
