using Tracking.Contracts;
using Tracking.Public.Data;

namespace Tracking.Public.Consumers;

public sealed class ResponseAcceptedConsumer(PublicTrackerDbContext db, TimeProvider clock) : StatusUpdateConsumer<ResponseAccepted>(db, clock)
{
    protected override LifecycleNews Read(ResponseAccepted message) =>
        new(message.RecommendationId, message.ProviderId, message.State, message.OccurredAt);
}
