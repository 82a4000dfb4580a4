using Tracking.Contracts;
using Tracking.Public.Data;

namespace Tracking.Public.Consumers;

public sealed class RecommendationClosedConsumer(PublicTrackerDbContext db, TimeProvider clock) : StatusUpdateConsumer<RecommendationClosed>(db, clock)
{
    protected override LifecycleNews Read(RecommendationClosed message) =>
        new(message.RecommendationId, message.ProviderId, message.State, message.OccurredAt);
}
