using MassTransit;
using Tracking.Contracts;
using Tracking.Planning.Data;
using Tracking.ServiceDefaults.Inbox;

namespace Tracking.Planning.ReadModel;

/// <summary>
/// Upserts the missed deadline. Two events for one new deadline consumed at once collide on its key; the loser is
/// retried, finds the row and applies its change to it.
/// </summary>
public sealed class DeadlineMissedConsumer(PlanningDbContext db, TimeProvider clock)
    : IdempotentConsumer<DeadlineMissed, PlanningDbContext>(db, clock)
{
    protected override async Task Handle(DeadlineMissed message, ConsumeContext<DeadlineMissed> context)
    {
        var row = await Db.DeadlineRow(message.DeadlineId, context.CancellationToken);
        row.Missed(message);
    }
}

/// <summary>
/// Marks the deadline cleared, creating the row if the clear overtook the missed event (or the deadline was never
/// missed), so a missed event arriving later cannot make the recommendation overdue again.
/// </summary>
public sealed class DeadlineClearedConsumer(PlanningDbContext db, TimeProvider clock)
    : IdempotentConsumer<DeadlineCleared, PlanningDbContext>(db, clock)
{
    protected override async Task Handle(DeadlineCleared message, ConsumeContext<DeadlineCleared> context)
    {
        var row = await Db.DeadlineRow(message.DeadlineId, context.CancellationToken);
        row.Clear(message);
    }
}
