using MassTransit;
using Tracking.Contracts;
using Tracking.Messaging.Inbox;
using Tracking.Notifications.Data;
using Tracking.Notifications.Directory;

namespace Tracking.Notifications.Consumers;

public sealed class PersonDeactivatedConsumer(NotificationsDbContext db, TimeProvider clock) : IdempotentConsumer<PersonDeactivated, NotificationsDbContext>(db, clock)
{
    protected override Task Handle(PersonDeactivated m, ConsumeContext<PersonDeactivated> context) =>
        Db.Remember(m.PersonId, m.Email, m.Name, m.Role, m.ProviderId, active: false, m.OccurredAt, context.CancellationToken);
}
