using MassTransit;
using Tracking.Contracts;
using Tracking.Scheduling.Data;
using Tracking.Scheduling.Deadlines;
using Tracking.ServiceDefaults.Inbox;

namespace Tracking.Scheduling.Timers;

public sealed class ActionCompletedConsumer(SchedulingDbContext db, TimeProvider clock, DeadlineBook deadlines)
    : IdempotentConsumer<ActionCompleted, SchedulingDbContext>(db, clock)
{
    protected override async Task Handle(ActionCompleted message, ConsumeContext<ActionCompleted> context)
    {
        await deadlines.Claim(message.RecommendationId, message.ProviderId, context.CancellationToken);
        await deadlines.Settle(DeadlineKind.Action, message.RecommendationId, message.ProviderId, DeadlineStatus.Met, "ActionCompleted",
            context.CancellationToken, actionId: message.ActionId);
        await deadlines.FollowTargetDate(message.RecommendationId, message.ProviderId, message.State, context.CancellationToken);
    }
}
