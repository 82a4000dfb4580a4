using MassTransit;
using Tracking.Contracts;
using Tracking.Scheduling.Data;
using Tracking.Scheduling.Deadlines;
using Tracking.ServiceDefaults.Inbox;

namespace Tracking.Scheduling.Timers;

public sealed class EvidenceReviewedConsumer(SchedulingDbContext db, TimeProvider clock, DeadlineBook deadlines)
    : IdempotentConsumer<EvidenceReviewed, SchedulingDbContext>(db, clock)
{
    protected override async Task Handle(EvidenceReviewed message, ConsumeContext<EvidenceReviewed> context)
    {
        await deadlines.Claim(message.RecommendationId, message.ProviderId, context.CancellationToken);
        await deadlines.Settle(DeadlineKind.EvidenceReview, message.RecommendationId, message.ProviderId, DeadlineStatus.Met, "EvidenceReviewed",
            context.CancellationToken, evidenceId: message.EvidenceId);
        await deadlines.FollowTargetDate(message.RecommendationId, message.ProviderId, message.State, context.CancellationToken);
    }
}
