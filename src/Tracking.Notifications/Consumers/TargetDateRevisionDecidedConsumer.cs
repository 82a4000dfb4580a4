using MassTransit;
using Tracking.Contracts;
using Tracking.Notifications.Data;
using Tracking.Notifications.Rules;
using Tracking.Notifications.Templates;

namespace Tracking.Notifications.Consumers;

public sealed class TargetDateRevisionDecidedConsumer(NotificationsDbContext db, Notifier notifier, PortalLinks links, TimeProvider clock)
    : NotifyingConsumer<TargetDateRevisionDecided>(db, notifier, clock)
{
    protected override async Task Handle(TargetDateRevisionDecided m, ConsumeContext<TargetDateRevisionDecided> context)
    {
        if (m.Approved && m.ActionId is { } actionId && await Db.ActionOwners.FindAsync([actionId], context.CancellationToken) is { } owner)
        {
            // Later update rounds go by the agreed date.
            owner.TargetDate = m.RequestedDate;
        }

        var values = await About(m.RecommendationId, m.ProviderId, context.CancellationToken);
        values["requested_date"] = m.RequestedDate.ToString("d MMMM yyyy");
        values["decision"] = m.Approved ? "approved" : "refused";
        values["comment"] = m.Comment;
        await Announce(m, m.ProviderId, $"revision-decided:{m.RevisionId}", context.CancellationToken);
        await Notifier.Notify(NotificationRules.RevisionDecided,
            new Occasion($"revision-decided:{m.RevisionId}", m.ProviderId, m.RecommendationId, m.ActionId,
                links.Recommendation(m.RecommendationId), values), context.CancellationToken);
    }
}
