using MassTransit;
using Tracking.Contracts;
using Tracking.Messaging.Inbox;
using Tracking.Scheduling.Data;
using Tracking.Scheduling.Features.SubscribeToCalendar;

namespace Tracking.Scheduling.Consumers;

/// <summary>A deactivated person's private calendar addresses stop working: a calendar app sends no token that could expire.</summary>
public sealed class PersonDeactivatedConsumer(SchedulingDbContext db, TimeProvider clock)
    : IdempotentConsumer<PersonDeactivated, SchedulingDbContext>(db, clock)
{
    protected override Task Handle(PersonDeactivated message, ConsumeContext<PersonDeactivated> context) =>
        CalendarFeedRevocation.RevokeAll(Db, message.PersonId, message.OccurredAt, context.CancellationToken);
}
