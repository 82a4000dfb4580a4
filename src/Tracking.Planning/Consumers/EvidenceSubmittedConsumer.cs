using Tracking.Contracts;
using Tracking.Planning.Data;

namespace Tracking.Planning.Consumers;

public sealed class EvidenceSubmittedConsumer(PlanningDbContext db, TimeProvider clock) : RecommendationStateConsumer<EvidenceSubmitted>(db, clock)
{
    protected override (Guid RecommendationId, string ProviderId, RecommendationState State) StateOf(EvidenceSubmitted message) =>
        (message.RecommendationId, message.ProviderId, message.State);

    protected override async Task ApplyDetail(EvidenceSubmitted message, CancellationToken ct) =>
        (await Db.EvidenceRow(message.EvidenceId, ct)).Submitted(message);
}
