using MassTransit;
using Tracking.Contracts;
using Tracking.Messaging.Inbox;
using Tracking.Notifications.Data;
using Tracking.Notifications.Directory;

namespace Tracking.Notifications.Consumers;

/// <summary>A completed action is left out of later update rounds; heard before its ActionPlanned, it is remembered closed.</summary>
public sealed class ActionCompletedConsumer(NotificationsDbContext db, TimeProvider clock) : IdempotentConsumer<ActionCompleted, NotificationsDbContext>(db, clock)
{
    protected override async Task Handle(ActionCompleted m, ConsumeContext<ActionCompleted> context)
    {
        var owner = await Db.ActionOwners.FindAsync([m.ActionId], context.CancellationToken);
        if (owner is null)
        {
            owner = new ActionOwner { ActionId = m.ActionId, RecommendationId = m.RecommendationId, ProviderId = m.ProviderId };
            Db.ActionOwners.Add(owner);
        }

        owner.Closed = true;
    }
}
