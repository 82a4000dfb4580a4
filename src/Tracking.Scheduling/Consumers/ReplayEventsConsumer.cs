using Microsoft.Extensions.Logging;
using Tracking.Messaging.Replay;
using Tracking.Scheduling.Data;

namespace Tracking.Scheduling.Consumers;

/// <summary>Re-sends scheduling's outbox (missed, cleared and approaching deadlines) when a read model is rebuilt.</summary>
public sealed class ReplayEventsConsumer(SchedulingDbContext db, TimeProvider clock, ILogger<ReplayEventsConsumer> logger)
    : ReplayOutbox<SchedulingDbContext>(db, clock, logger);
