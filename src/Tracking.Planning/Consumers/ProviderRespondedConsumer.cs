using Tracking.Contracts;
using Tracking.Planning.Data;

namespace Tracking.Planning.Consumers;

public sealed class ProviderRespondedConsumer(PlanningDbContext db, TimeProvider clock) : RecommendationStateConsumer<ProviderResponded>(db, clock)
{
    protected override (Guid RecommendationId, string ProviderId, RecommendationState State) StateOf(ProviderResponded message) =>
        (message.RecommendationId, message.ProviderId, message.State);
}
