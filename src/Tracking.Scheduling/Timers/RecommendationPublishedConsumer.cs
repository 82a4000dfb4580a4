using MassTransit;
using Tracking.Contracts;
using Tracking.Scheduling.Data;
using Tracking.ServiceDefaults.Inbox;

namespace Tracking.Scheduling.Timers;

public sealed class RecommendationPublishedConsumer(SchedulingDbContext db, TimeProvider clock)
    : IdempotentConsumer<RecommendationPublished, SchedulingDbContext>(db, clock)
{
    protected override Task Handle(RecommendationPublished message, ConsumeContext<RecommendationPublished> context)
    {
        Db.Recommendations.Add(new TimedRecommendation
        {
            RecommendationId = message.RecommendationId,
            InspectionId = message.InspectionId,
            ProviderId = message.Provider.Id,
            Number = message.Number,
            PublishedOn = message.PublishedOn,
            RecordedAt = Clock.GetUtcNow().UtcDateTime,
        });
        return Task.CompletedTask;
    }
}
