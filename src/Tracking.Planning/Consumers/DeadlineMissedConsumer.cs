using MassTransit;
using Tracking.Contracts;
using Tracking.Messaging.Inbox;
using Tracking.Planning.Data;

namespace Tracking.Planning.Consumers;

/// <summary>
/// Upserts the missed deadline. Two events for one new deadline consumed at once collide on its key; the loser is
/// retried, finds the row and applies its change to it.
/// </summary>
public sealed class DeadlineMissedConsumer(PlanningDbContext db, TimeProvider clock)
    : IdempotentConsumer<DeadlineMissed, PlanningDbContext>(db, clock)
{
    protected override async Task Handle(DeadlineMissed message, ConsumeContext<DeadlineMissed> context) =>
        (await Db.DeadlineRow(message.DeadlineId, context.CancellationToken)).Missed(message);
}
