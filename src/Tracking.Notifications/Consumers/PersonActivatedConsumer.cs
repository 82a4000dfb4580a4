using MassTransit;
using Tracking.Contracts;
using Tracking.Messaging.Inbox;
using Tracking.Notifications.Data;
using Tracking.Notifications.Directory;

namespace Tracking.Notifications.Consumers;

public sealed class PersonActivatedConsumer(NotificationsDbContext db, TimeProvider clock) : IdempotentConsumer<PersonActivated, NotificationsDbContext>(db, clock)
{
    protected override Task Handle(PersonActivated m, ConsumeContext<PersonActivated> context) =>
        Db.Remember(m.PersonId, m.Email, m.Name, m.Role, m.ProviderId, active: true, m.OccurredAt, context.CancellationToken);
}
