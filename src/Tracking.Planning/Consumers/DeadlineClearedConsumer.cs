using MassTransit;
using Tracking.Contracts;
using Tracking.Messaging.Inbox;
using Tracking.Planning.Data;

namespace Tracking.Planning.Consumers;

/// <summary>
/// Marks the deadline cleared, creating the row if the clear overtook the missed event (or the deadline was never
/// missed), so a missed event arriving later cannot make the recommendation overdue again.
/// </summary>
public sealed class DeadlineClearedConsumer(PlanningDbContext db, TimeProvider clock)
    : IdempotentConsumer<DeadlineCleared, PlanningDbContext>(db, clock)
{
    protected override async Task Handle(DeadlineCleared message, ConsumeContext<DeadlineCleared> context) =>
        (await Db.DeadlineRow(message.DeadlineId, context.CancellationToken)).Clear(message);
}
