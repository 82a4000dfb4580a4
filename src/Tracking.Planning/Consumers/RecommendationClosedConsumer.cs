using Tracking.Contracts;
using Tracking.Planning.Data;

namespace Tracking.Planning.Consumers;

public sealed class RecommendationClosedConsumer(PlanningDbContext db, TimeProvider clock) : RecommendationStateConsumer<RecommendationClosed>(db, clock)
{
    protected override (Guid RecommendationId, string ProviderId, RecommendationState State) StateOf(RecommendationClosed message) =>
        (message.RecommendationId, message.ProviderId, message.State);
}
