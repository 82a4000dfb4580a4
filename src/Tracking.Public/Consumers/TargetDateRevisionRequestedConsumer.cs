using Tracking.Contracts;
using Tracking.Public.Data;

namespace Tracking.Public.Consumers;

public sealed class TargetDateRevisionRequestedConsumer(PublicTrackerDbContext db, TimeProvider clock) : StatusUpdateConsumer<TargetDateRevisionRequested>(db, clock)
{
    protected override LifecycleNews Read(TargetDateRevisionRequested message) =>
        new(message.RecommendationId, message.ProviderId, message.State, message.OccurredAt, ReportsProgress: true);
}
