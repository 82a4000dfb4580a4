using Tracking.Contracts;
using Tracking.Public.Data;

namespace Tracking.Public.Consumers;

public sealed class EvidenceSubmittedConsumer(PublicTrackerDbContext db, TimeProvider clock) : StatusUpdateConsumer<EvidenceSubmitted>(db, clock)
{
    protected override LifecycleNews Read(EvidenceSubmitted message) =>
        new(message.RecommendationId, message.ProviderId, message.State, message.OccurredAt, ReportsProgress: true);
}
