using MassTransit;
using Tracking.Contracts;
using Tracking.Messaging.Inbox;
using Tracking.Scheduling.Data;
using Tracking.Scheduling.Features.SubscribeToCalendar;

namespace Tracking.Scheduling.Consumers;

/// <summary>A person moved to another role or provider: addresses that would still show what the old one saw stop working.</summary>
public sealed class PersonChangedConsumer(SchedulingDbContext db, TimeProvider clock)
    : IdempotentConsumer<PersonChanged, SchedulingDbContext>(db, clock)
{
    protected override Task Handle(PersonChanged message, ConsumeContext<PersonChanged> context) =>
        CalendarFeedRevocation.RevokeOutdated(Db, message.PersonId, message.Role, message.ProviderId, message.OccurredAt, context.CancellationToken);
}
