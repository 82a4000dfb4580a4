using MassTransit;
using Tracking.Contracts;
using Tracking.Scheduling.Data;
using Tracking.Scheduling.Deadlines;
using Tracking.ServiceDefaults.Inbox;

namespace Tracking.Scheduling.Timers;

/// <summary>Submitted evidence starts the inspectorate's own review deadline, counted in working days from the UK date it arrived.</summary>
public sealed class EvidenceSubmittedConsumer(SchedulingDbContext db, TimeProvider clock, DeadlineBook deadlines)
    : IdempotentConsumer<EvidenceSubmitted, SchedulingDbContext>(db, clock)
{
    protected override async Task Handle(EvidenceSubmitted message, ConsumeContext<EvidenceSubmitted> context)
    {
        await deadlines.Claim(message.RecommendationId, message.ProviderId, context.CancellationToken);
        var ct = context.CancellationToken;
        if (!await deadlines.IsClosed(message.RecommendationId, message.State, ct))
        {
            await deadlines.Open(DeadlineKind.EvidenceReview, message.RecommendationId, message.ProviderId,
                deadlines.EvidenceReviewDueOn(message.OccurredAt), ct, evidenceId: message.EvidenceId);
        }

        await deadlines.FollowTargetDate(message.RecommendationId, message.ProviderId, message.State, ct);
    }
}
