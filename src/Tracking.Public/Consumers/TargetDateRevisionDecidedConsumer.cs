using Tracking.Contracts;
using Tracking.Public.Data;

namespace Tracking.Public.Consumers;

public sealed class TargetDateRevisionDecidedConsumer(PublicTrackerDbContext db, TimeProvider clock) : StatusUpdateConsumer<TargetDateRevisionDecided>(db, clock)
{
    protected override LifecycleNews Read(TargetDateRevisionDecided message) =>
        new(message.RecommendationId, message.ProviderId, message.State, message.OccurredAt, ReportsProgress: true);
}
