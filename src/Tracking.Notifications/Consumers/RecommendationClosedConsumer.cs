using MassTransit;
using Microsoft.EntityFrameworkCore;
using Tracking.Contracts;
using Tracking.Messaging.Inbox;
using Tracking.Notifications.Data;

namespace Tracking.Notifications.Consumers;

/// <summary>A closed recommendation's actions are left out of later update rounds.</summary>
public sealed class RecommendationClosedConsumer(NotificationsDbContext db, TimeProvider clock)
    : IdempotentConsumer<RecommendationClosed, NotificationsDbContext>(db, clock)
{
    protected override async Task Handle(RecommendationClosed m, ConsumeContext<RecommendationClosed> context)
    {
        foreach (var owner in await Db.ActionOwners.Where(o => o.RecommendationId == m.RecommendationId && !o.Closed).ToListAsync(context.CancellationToken))
        {
            owner.Closed = true;
        }
    }
}
