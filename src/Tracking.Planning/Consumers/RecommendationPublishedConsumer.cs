using MassTransit;
using Tracking.Contracts;
using Tracking.Planning.Data;
using Tracking.Planning.ReadModel;
using Tracking.Messaging.Inbox;

namespace Tracking.Planning.Consumers;

public sealed class RecommendationPublishedConsumer(PlanningDbContext db, TimeProvider clock)
    : IdempotentConsumer<RecommendationPublished, PlanningDbContext>(db, clock)
{
    protected override async Task Handle(RecommendationPublished message, ConsumeContext<RecommendationPublished> context)
    {
        await Db.RememberProvider(message.Provider, context.CancellationToken);
        var row = await Db.Outstanding.FindAsync([message.RecommendationId], context.CancellationToken);
        if (row is null)
        {
            row = new OutstandingRecommendation { RecommendationId = message.RecommendationId };
            Db.Outstanding.Add(row);
        }

        row.Describe(message);
    }
}
