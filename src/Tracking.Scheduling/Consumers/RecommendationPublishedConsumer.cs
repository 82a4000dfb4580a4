using Tracking.Contracts;
using Tracking.Scheduling.Data;
using Tracking.Scheduling.Deadlines;

namespace Tracking.Scheduling.Consumers;

/// <summary>Starts timing a published recommendation: its response is due a number of working days after publication.</summary>
public sealed class RecommendationPublishedConsumer(SchedulingDbContext db, TimeProvider clock, DeadlineBook deadlines)
    : RecommendationTimerConsumer<RecommendationPublished>(db, clock, deadlines)
{
    protected override (Guid RecommendationId, string ProviderId, RecommendationState? State) About(RecommendationPublished message) =>
        (message.RecommendationId, message.Provider.Id, message.State);

    protected override Task Record(RecommendationPublished message, TimedRecommendation timed, CancellationToken ct)
    {
        // A closure that overtook publication left a stub; publication fills in the rest.
        timed.InspectionId = message.InspectionId;
        timed.ProviderId = message.Provider.Id;
        timed.Number = message.Number;
        timed.PublishedOn = message.PublishedOn;
        return Task.CompletedTask;
    }

    protected override Task WhileOpen(RecommendationPublished message, CancellationToken ct) =>
        Deadlines.Open(DeadlineKind.Response, message.RecommendationId, message.Provider.Id,
            Deadlines.ResponseDueOn(message.PublishedOn), ct, inspectionId: message.InspectionId);
}
