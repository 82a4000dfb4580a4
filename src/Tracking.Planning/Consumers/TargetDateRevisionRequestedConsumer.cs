using Tracking.Contracts;
using Tracking.Planning.Data;

namespace Tracking.Planning.Consumers;

public sealed class TargetDateRevisionRequestedConsumer(PlanningDbContext db, TimeProvider clock) : RecommendationStateConsumer<TargetDateRevisionRequested>(db, clock)
{
    protected override (Guid RecommendationId, string ProviderId, RecommendationState State) StateOf(TargetDateRevisionRequested message) =>
        (message.RecommendationId, message.ProviderId, message.State);
}
