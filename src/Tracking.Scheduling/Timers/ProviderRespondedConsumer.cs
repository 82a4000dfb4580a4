using MassTransit;
using Tracking.Contracts;
using Tracking.Scheduling.Data;
using Tracking.Scheduling.Deadlines;
using Tracking.ServiceDefaults.Inbox;

namespace Tracking.Scheduling.Timers;

/// <summary>The provider responded: the response deadline is met; a target date given with it starts its own deadline.</summary>
public sealed class ProviderRespondedConsumer(SchedulingDbContext db, TimeProvider clock, DeadlineBook deadlines)
    : IdempotentConsumer<ProviderResponded, SchedulingDbContext>(db, clock)
{
    protected override async Task Handle(ProviderResponded message, ConsumeContext<ProviderResponded> context)
    {
        await deadlines.Claim(message.RecommendationId, message.ProviderId, context.CancellationToken);
        await deadlines.Settle(DeadlineKind.Response, message.RecommendationId, message.ProviderId, DeadlineStatus.Met, "Responded",
            context.CancellationToken);
        await deadlines.FollowTargetDate(message.RecommendationId, message.ProviderId, message.State, context.CancellationToken);
    }
}
