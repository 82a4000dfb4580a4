using MassTransit;
using Tracking.Contracts;
using Tracking.Messaging.Inbox;
using Tracking.Notifications.Data;
using Tracking.Notifications.Directory;

namespace Tracking.Notifications.Consumers;

public sealed class PersonInvitedConsumer(NotificationsDbContext db, TimeProvider clock) : IdempotentConsumer<PersonInvited, NotificationsDbContext>(db, clock)
{
    protected override Task Handle(PersonInvited m, ConsumeContext<PersonInvited> context) =>
        Db.Remember(m.PersonId, m.Email, m.Name, m.Role, m.ProviderId, active: false, m.OccurredAt, context.CancellationToken);
}
