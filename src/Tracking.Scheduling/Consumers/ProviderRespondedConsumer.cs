using Tracking.Contracts;
using Tracking.Scheduling.Data;
using Tracking.Scheduling.Deadlines;

namespace Tracking.Scheduling.Consumers;

/// <summary>The provider responded: the response deadline is met; a target date given with it starts its own deadline.</summary>
public sealed class ProviderRespondedConsumer(SchedulingDbContext db, TimeProvider clock, DeadlineBook deadlines)
    : RecommendationTimerConsumer<ProviderResponded>(db, clock, deadlines)
{
    protected override (Guid RecommendationId, string ProviderId, RecommendationState? State) About(ProviderResponded message) =>
        (message.RecommendationId, message.ProviderId, message.State);

    protected override Task Record(ProviderResponded message, TimedRecommendation timed, CancellationToken ct) =>
        Deadlines.Settle(DeadlineKind.Response, message.RecommendationId, message.ProviderId, DeadlineStatus.Met, "Responded", ct);
}
