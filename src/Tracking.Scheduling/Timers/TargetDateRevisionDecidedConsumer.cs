using MassTransit;
using Tracking.Contracts;
using Tracking.Scheduling.Data;
using Tracking.Scheduling.Deadlines;
using Tracking.ServiceDefaults.Inbox;

namespace Tracking.Scheduling.Timers;

/// <summary>An approved revision moves the action's deadline, or the recommendation's own target date's.</summary>
public sealed class TargetDateRevisionDecidedConsumer(SchedulingDbContext db, TimeProvider clock, DeadlineBook deadlines)
    : IdempotentConsumer<TargetDateRevisionDecided, SchedulingDbContext>(db, clock)
{
    protected override async Task Handle(TargetDateRevisionDecided message, ConsumeContext<TargetDateRevisionDecided> context)
    {
        await deadlines.Claim(message.RecommendationId, message.ProviderId, context.CancellationToken);
        var ct = context.CancellationToken;
        if (message.Approved && message.ActionId is { } actionId)
        {
            await deadlines.MoveAction(message.RecommendationId, actionId, message.RequestedDate, message.State.Version, ct);
        }

        // The recommendation's own date has moved in the state the event carries, when the revision was about it.
        await deadlines.FollowTargetDate(message.RecommendationId, message.ProviderId, message.State, ct);
    }
}
