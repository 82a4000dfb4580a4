using Tracking.Contracts;
using Tracking.Scheduling.Data;
using Tracking.Scheduling.Deadlines;

namespace Tracking.Scheduling.Consumers;

public sealed class ActionCompletedConsumer(SchedulingDbContext db, TimeProvider clock, DeadlineBook deadlines)
    : RecommendationTimerConsumer<ActionCompleted>(db, clock, deadlines)
{
    protected override (Guid RecommendationId, string ProviderId, RecommendationState? State) About(ActionCompleted message) =>
        (message.RecommendationId, message.ProviderId, message.State);

    protected override Task Record(ActionCompleted message, TimedRecommendation timed, CancellationToken ct) =>
        Deadlines.Settle(DeadlineKind.Action, message.RecommendationId, message.ProviderId, DeadlineStatus.Met, "ActionCompleted", ct,
            actionId: message.ActionId);
}
