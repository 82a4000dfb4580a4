using Tracking.Contracts;
using Tracking.Scheduling.Data;
using Tracking.Scheduling.Deadlines;

namespace Tracking.Scheduling.Consumers;

/// <summary>Submitted evidence starts the inspectorate's own review deadline, counted in working days from the UK date it arrived.</summary>
public sealed class EvidenceSubmittedConsumer(SchedulingDbContext db, TimeProvider clock, DeadlineBook deadlines)
    : RecommendationTimerConsumer<EvidenceSubmitted>(db, clock, deadlines)
{
    protected override (Guid RecommendationId, string ProviderId, RecommendationState? State) About(EvidenceSubmitted message) =>
        (message.RecommendationId, message.ProviderId, message.State);

    protected override Task WhileOpen(EvidenceSubmitted message, CancellationToken ct) =>
        Deadlines.Open(DeadlineKind.EvidenceReview, message.RecommendationId, message.ProviderId,
            Deadlines.EvidenceReviewDueOn(message.OccurredAt), ct, evidenceId: message.EvidenceId);
}
