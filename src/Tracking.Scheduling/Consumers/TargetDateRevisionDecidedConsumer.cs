using Tracking.Contracts;
using Tracking.Scheduling.Data;
using Tracking.Scheduling.Deadlines;

namespace Tracking.Scheduling.Consumers;

/// <summary>
/// An approved revision moves the action's deadline; a revision of the recommendation's own date has moved it in
/// the state the event carries, which the target date follows.
/// </summary>
public sealed class TargetDateRevisionDecidedConsumer(SchedulingDbContext db, TimeProvider clock, DeadlineBook deadlines)
    : RecommendationTimerConsumer<TargetDateRevisionDecided>(db, clock, deadlines)
{
    protected override (Guid RecommendationId, string ProviderId, RecommendationState? State) About(TargetDateRevisionDecided message) =>
        (message.RecommendationId, message.ProviderId, message.State);

    protected override async Task WhileOpen(TargetDateRevisionDecided message, CancellationToken ct)
    {
        if (message.Approved && message.ActionId is { } actionId)
        {
            await Deadlines.MoveAction(message.RecommendationId, actionId, message.RequestedDate, message.State.Version, ct);
        }
    }
}
