using Tracking.Contracts;
using Tracking.Public.Data;
using Tracking.Public.ReadModel;

namespace Tracking.Public.Consumers;

/// <summary>The response's category (Agreed, PartlyAgreed, NotAgreed) is public; its rationale is not.</summary>
public sealed class ProviderRespondedConsumer(PublicTrackerDbContext db, TimeProvider clock) : StatusUpdateConsumer<ProviderResponded>(db, clock)
{
    protected override LifecycleNews Read(ProviderResponded message) =>
        new(message.RecommendationId, message.ProviderId, message.State, message.OccurredAt);

    protected override void ApplyDetail(TrackedRecommendation row, ProviderResponded message) =>
        row.Responded(message.ResponseVersion, message.Response, message.OccurredAt);
}
