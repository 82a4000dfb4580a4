using MassTransit;
using Tracking.Contracts;
using Tracking.Messaging.Inbox;
using Tracking.Public.Data;
using Tracking.Public.ReadModel;

namespace Tracking.Public.Consumers;

public sealed class RecommendationPublishedConsumer(PublicTrackerDbContext db, TimeProvider clock)
    : IdempotentConsumer<RecommendationPublished, PublicTrackerDbContext>(db, clock)
{
    /// <summary>What RecommendationPublished means when an older producer sent it without a state.</summary>
    private static readonly RecommendationState FirstState = new("AwaitingResponse", 1, null, null, 0, 0, null, null, null, null);

    protected override async Task Handle(RecommendationPublished message, ConsumeContext<RecommendationPublished> context)
    {
        var ct = context.CancellationToken;
        await Db.RememberProvider(message.Provider, ct);
        var row = await Db.Recommendations.FindAsync([message.RecommendationId], ct);
        if (row is null)
        {
            row = new TrackedRecommendation { RecommendationId = message.RecommendationId };
            Db.Recommendations.Add(row);
        }

        row.Describe(message);
        var state = message.State ?? FirstState;
        var status = PublicStatuses.From(state, reportsProgress: false);
        row.Apply(state, status, message.PublishedAt);
        await Db.RecordUpdate(message.RecommendationId, message.Provider.Id, state.Version, status, message.PublishedAt, null, ct);
    }
}
