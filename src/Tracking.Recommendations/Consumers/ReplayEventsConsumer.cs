using Microsoft.Extensions.Logging;
using Tracking.Messaging.Replay;
using Tracking.Recommendations.Data;

namespace Tracking.Recommendations.Consumers;

/// <summary>Re-sends every recommendation event, in its original order and with its original id, for a rebuild or a new service's catch-up.</summary>
public sealed class ReplayEventsConsumer(RecommendationsDbContext db, TimeProvider clock, ILogger<ReplayEventsConsumer> logger)
    : ReplayOutbox<RecommendationsDbContext>(db, clock, logger);
