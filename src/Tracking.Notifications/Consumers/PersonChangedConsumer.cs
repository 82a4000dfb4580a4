using MassTransit;
using Tracking.Contracts;
using Tracking.Messaging.Inbox;
using Tracking.Notifications.Data;
using Tracking.Notifications.Directory;

namespace Tracking.Notifications.Consumers;

public sealed class PersonChangedConsumer(NotificationsDbContext db, TimeProvider clock) : IdempotentConsumer<PersonChanged, NotificationsDbContext>(db, clock)
{
    protected override Task Handle(PersonChanged m, ConsumeContext<PersonChanged> context) =>
        Db.Remember(m.PersonId, m.Email, m.Name, m.Role, m.ProviderId, active: null, m.OccurredAt, context.CancellationToken);
}
