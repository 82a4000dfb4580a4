using Tracking.Contracts;
using Tracking.Scheduling.Data;
using Tracking.Scheduling.Deadlines;

namespace Tracking.Scheduling.Consumers;

/// <summary>A planned action is due at the end of its target date.</summary>
public sealed class ActionPlannedConsumer(SchedulingDbContext db, TimeProvider clock, DeadlineBook deadlines)
    : RecommendationTimerConsumer<ActionPlanned>(db, clock, deadlines)
{
    protected override (Guid RecommendationId, string ProviderId, RecommendationState? State) About(ActionPlanned message) =>
        (message.RecommendationId, message.ProviderId, message.State);

    protected override Task WhileOpen(ActionPlanned message, CancellationToken ct) =>
        Deadlines.Open(DeadlineKind.Action, message.RecommendationId, message.ProviderId, message.TargetDate, ct,
            actionId: message.ActionId, stateVersion: message.State.Version);
}
