using Tracking.Contracts;
using Tracking.Public.Data;

namespace Tracking.Public.Consumers;

public sealed class ActionCompletedConsumer(PublicTrackerDbContext db, TimeProvider clock) : StatusUpdateConsumer<ActionCompleted>(db, clock)
{
    protected override LifecycleNews Read(ActionCompleted message) =>
        new(message.RecommendationId, message.ProviderId, message.State, message.OccurredAt, ReportsProgress: true);
}
