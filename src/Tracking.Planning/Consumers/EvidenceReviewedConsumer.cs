using Tracking.Contracts;
using Tracking.Planning.Data;

namespace Tracking.Planning.Consumers;

public sealed class EvidenceReviewedConsumer(PlanningDbContext db, TimeProvider clock) : RecommendationStateConsumer<EvidenceReviewed>(db, clock)
{
    protected override (Guid RecommendationId, string ProviderId, RecommendationState State) StateOf(EvidenceReviewed message) =>
        (message.RecommendationId, message.ProviderId, message.State);

    protected override async Task ApplyDetail(EvidenceReviewed message, CancellationToken ct) =>
        (await Db.EvidenceRow(message.EvidenceId, ct)).Reviewed(message);
}
