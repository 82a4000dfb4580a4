using MassTransit;
using Tracking.Contracts;
using Tracking.Scheduling.Data;
using Tracking.Scheduling.Deadlines;
using Tracking.ServiceDefaults.Inbox;

namespace Tracking.Scheduling.Timers;

/// <summary>A planned action is due at the end of its target date.</summary>
public sealed class ActionPlannedConsumer(SchedulingDbContext db, TimeProvider clock, DeadlineBook deadlines)
    : IdempotentConsumer<ActionPlanned, SchedulingDbContext>(db, clock)
{
    protected override async Task Handle(ActionPlanned message, ConsumeContext<ActionPlanned> context)
    {
        await deadlines.Claim(message.RecommendationId, message.ProviderId, context.CancellationToken);
        var ct = context.CancellationToken;
        if (!await deadlines.IsClosed(message.RecommendationId, message.State, ct))
        {
            await deadlines.Open(DeadlineKind.Action, message.RecommendationId, message.ProviderId, message.TargetDate, ct,
                actionId: message.ActionId, stateVersion: message.State.Version);
        }

        await deadlines.FollowTargetDate(message.RecommendationId, message.ProviderId, message.State, ct);
    }
}
