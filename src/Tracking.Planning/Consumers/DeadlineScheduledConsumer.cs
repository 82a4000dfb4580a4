using MassTransit;
using Microsoft.EntityFrameworkCore;
using Tracking.Contracts;
using Tracking.Messaging.Inbox;
using Tracking.Planning.Data;
using Tracking.Planning.ReadModel;

namespace Tracking.Planning.Consumers;

/// <summary>
/// Records the deadline opened or closed and recomputes the recommendation's earliest open deadline on its row, so
/// the outstanding query reads and sorts one column. Two deadline events for one recommendation at once collide on
/// the row's concurrency token (or on inserting it); the loser is retried and sees the winner's deadline.
/// </summary>
public sealed class DeadlineScheduledConsumer(PlanningDbContext db, TimeProvider clock)
    : IdempotentConsumer<DeadlineScheduled, PlanningDbContext>(db, clock)
{
    protected override async Task Handle(DeadlineScheduled message, ConsumeContext<DeadlineScheduled> context)
    {
        var ct = context.CancellationToken;

        // The row first: its concurrency token then guards the deadline rows read after it. Read the other way round,
        // under read committed a deadline event committing in between is missed by the list yet not by the token,
        // and this save would overwrite its earliest date with one computed without it.
        var row = await Db.Outstanding.FindAsync([message.RecommendationId], ct);
        var deadlines = await Db.ScheduledDeadlines.Where(d => d.RecommendationId == message.RecommendationId).ToListAsync(ct);
        var deadline = deadlines.FirstOrDefault(d => d.DeadlineId == message.DeadlineId)
            ?? await Db.ScheduledDeadlines.FindAsync([message.DeadlineId], ct);
        if (deadline is null)
        {
            deadline = new ScheduledDeadline { DeadlineId = message.DeadlineId };
            Db.ScheduledDeadlines.Add(deadline);
        }

        deadline.Apply(message);
        if (!deadlines.Contains(deadline))
        {
            deadlines.Add(deadline);
        }

        if (row is null)
        {
            // RecommendationPublished fills the placeholder in later and keeps the deadline date.
            row = OutstandingRecommendation.Placeholder(message.RecommendationId, message.ProviderId);
            Db.Outstanding.Add(row);
        }

        row.FollowDeadlines(deadlines);
    }
}
