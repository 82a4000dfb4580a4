using MassTransit;
using Tracking.Contracts;
using Tracking.Scheduling.Data;
using Tracking.Scheduling.Deadlines;
using Tracking.ServiceDefaults.Inbox;

namespace Tracking.Scheduling.Timers;

/// <summary>Starts timing a published recommendation: its response is due a number of working days after publication.</summary>
public sealed class RecommendationPublishedConsumer(SchedulingDbContext db, TimeProvider clock, DeadlineBook deadlines)
    : IdempotentConsumer<RecommendationPublished, SchedulingDbContext>(db, clock)
{
    protected override async Task Handle(RecommendationPublished message, ConsumeContext<RecommendationPublished> context)
    {
        var ct = context.CancellationToken;
        var timed = await deadlines.Claim(message.RecommendationId, message.Provider.Id, ct);

        // A closure that overtook publication left a stub; publication fills in the rest.
        timed.InspectionId = message.InspectionId;
        timed.ProviderId = message.Provider.Id;
        timed.Number = message.Number;
        timed.PublishedOn = message.PublishedOn;
        if (timed.Closed || await deadlines.IsClosed(message.RecommendationId, message.State, ct))
        {
            return;
        }

        await deadlines.Open(DeadlineKind.Response, message.RecommendationId, message.Provider.Id,
            deadlines.ResponseDueOn(message.PublishedOn), ct, inspectionId: message.InspectionId);
        await deadlines.FollowTargetDate(message.RecommendationId, message.Provider.Id, message.State, ct);
    }
}
