using MassTransit;
using Tracking.Contracts;
using Tracking.Scheduling.Data;
using Tracking.Scheduling.Deadlines;
using Tracking.ServiceDefaults.Inbox;

namespace Tracking.Scheduling.Timers;

public sealed class RecommendationClosedConsumer(SchedulingDbContext db, TimeProvider clock, DeadlineBook deadlines)
    : IdempotentConsumer<RecommendationClosed, SchedulingDbContext>(db, clock)
{
    protected override Task Handle(RecommendationClosed message, ConsumeContext<RecommendationClosed> context) =>
        deadlines.CloseRecommendation(message.RecommendationId, message.ProviderId, context.CancellationToken);
}
