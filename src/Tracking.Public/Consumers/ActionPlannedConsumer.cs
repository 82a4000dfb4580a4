using Tracking.Contracts;
using Tracking.Public.Data;

namespace Tracking.Public.Consumers;

public sealed class ActionPlannedConsumer(PublicTrackerDbContext db, TimeProvider clock) : StatusUpdateConsumer<ActionPlanned>(db, clock)
{
    protected override LifecycleNews Read(ActionPlanned message) =>
        new(message.RecommendationId, message.ProviderId, message.State, message.OccurredAt, ReportsProgress: true);
}
