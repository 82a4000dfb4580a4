using Tracking.Contracts;
using Tracking.Scheduling.Data;
using Tracking.Scheduling.Deadlines;

namespace Tracking.Scheduling.Consumers;

public sealed class EvidenceReviewedConsumer(SchedulingDbContext db, TimeProvider clock, DeadlineBook deadlines)
    : RecommendationTimerConsumer<EvidenceReviewed>(db, clock, deadlines)
{
    protected override (Guid RecommendationId, string ProviderId, RecommendationState? State) About(EvidenceReviewed message) =>
        (message.RecommendationId, message.ProviderId, message.State);

    protected override Task Record(EvidenceReviewed message, TimedRecommendation timed, CancellationToken ct) =>
        Deadlines.Settle(DeadlineKind.EvidenceReview, message.RecommendationId, message.ProviderId, DeadlineStatus.Met, "EvidenceReviewed", ct,
            evidenceId: message.EvidenceId);
}
