using Tracking.Contracts;
using Tracking.Public.Data;

namespace Tracking.Public.Consumers;

public sealed class EvidenceReviewedConsumer(PublicTrackerDbContext db, TimeProvider clock) : StatusUpdateConsumer<EvidenceReviewed>(db, clock)
{
    protected override LifecycleNews Read(EvidenceReviewed message) =>
        new(message.RecommendationId, message.ProviderId, message.State, message.OccurredAt, ReportsProgress: true, ProgressJudgement: message.ProgressJudgement);
}
