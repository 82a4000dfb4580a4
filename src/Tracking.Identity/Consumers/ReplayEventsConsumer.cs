using Microsoft.Extensions.Logging;
using Tracking.Identity.Data;
using Tracking.Messaging.Replay;

namespace Tracking.Identity.Consumers;

/// <summary>Re-sends every Person* event in its original order, so a new service (notifications) can build its directory.</summary>
public sealed class ReplayEventsConsumer(PeopleDbContext db, TimeProvider clock, ILogger<ReplayEventsConsumer> logger)
    : ReplayOutbox<PeopleDbContext>(db, clock, logger);
