using MassTransit;
using Tracking.Contracts;
using Tracking.Planning.Data;
using Tracking.ServiceDefaults.Inbox;

namespace Tracking.Planning.ReadModel;

public sealed class RecommendationPublishedConsumer(PlanningDbContext db, TimeProvider clock)
    : IdempotentConsumer<RecommendationPublished, PlanningDbContext>(db, clock)
{
    protected override async Task Handle(RecommendationPublished message, ConsumeContext<RecommendationPublished> context)
    {
        await Db.RememberProvider(message.Provider, context.CancellationToken);
        Db.Outstanding.Add(new OutstandingRecommendation
        {
            RecommendationId = message.RecommendationId,
            InspectionId = message.InspectionId,
            ProviderId = message.Provider.Id,
            Number = message.Number,
            Text = message.Text,
            Addressees = [.. message.Addressees],
            LinkedStandards = [.. message.LinkedStandards],
            Status = RecommendationStatuses.AwaitingResponse,
            PublishedOn = message.PublishedOn,
            PublishedAt = message.PublishedAt.UtcDateTime,
        });
    }
}
