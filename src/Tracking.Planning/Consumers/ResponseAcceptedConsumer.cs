using Tracking.Contracts;
using Tracking.Planning.Data;

namespace Tracking.Planning.Consumers;

public sealed class ResponseAcceptedConsumer(PlanningDbContext db, TimeProvider clock) : RecommendationStateConsumer<ResponseAccepted>(db, clock)
{
    protected override (Guid RecommendationId, string ProviderId, RecommendationState State) StateOf(ResponseAccepted message) =>
        (message.RecommendationId, message.ProviderId, message.State);
}
