using Tracking.Contracts;
using Tracking.Scheduling.Data;
using Tracking.Scheduling.Deadlines;

namespace Tracking.Scheduling.Consumers;

/// <summary>Follows the recommendation's target date as the accepted response states it.</summary>
public sealed class ResponseAcceptedConsumer(SchedulingDbContext db, TimeProvider clock, DeadlineBook deadlines)
    : RecommendationTimerConsumer<ResponseAccepted>(db, clock, deadlines)
{
    protected override (Guid RecommendationId, string ProviderId, RecommendationState? State) About(ResponseAccepted message) =>
        (message.RecommendationId, message.ProviderId, message.State);
}
