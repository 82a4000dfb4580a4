using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tracking.Contracts;
using Tracking.Scheduling.Data;
using Tracking.Scheduling.FollowUps;
using Tracking.Messaging.Inbox;

namespace Tracking.Scheduling.Consumers;

/// <summary>A published inspection gets a follow-up review of its recommendations some months later.</summary>
public sealed class InspectionPublishedConsumer(SchedulingDbContext db, TimeProvider clock, IOptions<SchedulingOptions> options)
    : IdempotentConsumer<InspectionPublished, SchedulingDbContext>(db, clock)
{
    protected override async Task Handle(InspectionPublished message, ConsumeContext<InspectionPublished> context)
    {
        if (await Db.FollowUpReviews.AnyAsync(r => r.InspectionId == message.InspectionId, context.CancellationToken))
        {
            return;
        }

        var dueOn = message.PublishedOn.AddMonths(options.Value.FollowUpReviewAfterMonths);
        Db.FollowUpReviews.Add(FollowUpReview.Schedule(message.InspectionId, message.Provider.Id, dueOn, Clock.GetUtcNow()));
    }
}
