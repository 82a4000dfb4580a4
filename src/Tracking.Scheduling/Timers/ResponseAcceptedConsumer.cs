using MassTransit;
using Tracking.Contracts;
using Tracking.Scheduling.Data;
using Tracking.Scheduling.Deadlines;
using Tracking.ServiceDefaults.Inbox;

namespace Tracking.Scheduling.Timers;

/// <summary>Follows the recommendation's target date as the accepted response states it.</summary>
public sealed class ResponseAcceptedConsumer(SchedulingDbContext db, TimeProvider clock, DeadlineBook deadlines)
    : IdempotentConsumer<ResponseAccepted, SchedulingDbContext>(db, clock)
{
    protected override async Task Handle(ResponseAccepted message, ConsumeContext<ResponseAccepted> context)
    {
        await deadlines.Claim(message.RecommendationId, message.ProviderId, context.CancellationToken);
        await deadlines.FollowTargetDate(message.RecommendationId, message.ProviderId, message.State, context.CancellationToken);
    }
}
