using Tracking.Contracts;
using Tracking.Scheduling.Data;
using Tracking.Scheduling.Deadlines;

namespace Tracking.Scheduling.Consumers;

/// <summary>A closed recommendation owes nothing more: its open deadlines are cancelled and it gets no new ones.</summary>
public sealed class RecommendationClosedConsumer(SchedulingDbContext db, TimeProvider clock, DeadlineBook deadlines)
    : RecommendationTimerConsumer<RecommendationClosed>(db, clock, deadlines)
{
    protected override (Guid RecommendationId, string ProviderId, RecommendationState? State) About(RecommendationClosed message) =>
        (message.RecommendationId, message.ProviderId, message.State);

    protected override Task Record(RecommendationClosed message, TimedRecommendation timed, CancellationToken ct) =>
        Deadlines.CloseRecommendation(message.RecommendationId, message.ProviderId, ct);
}
