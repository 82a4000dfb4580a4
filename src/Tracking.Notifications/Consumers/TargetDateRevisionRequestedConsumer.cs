using MassTransit;
using Tracking.Contracts;
using Tracking.Notifications.Data;
using Tracking.Notifications.Rules;
using Tracking.Notifications.Templates;

namespace Tracking.Notifications.Consumers;

public sealed class TargetDateRevisionRequestedConsumer(NotificationsDbContext db, Notifier notifier, PortalLinks links, TimeProvider clock)
    : NotifyingConsumer<TargetDateRevisionRequested>(db, notifier, clock)
{
    protected override async Task Handle(TargetDateRevisionRequested m, ConsumeContext<TargetDateRevisionRequested> context)
    {
        var values = await About(m.RecommendationId, m.ProviderId, context.CancellationToken);
        values["requested_date"] = m.RequestedDate.ToString("d MMMM yyyy");
        values["reason"] = m.Reason;
        await Announce(m, m.ProviderId, $"revision-requested:{m.RevisionId}", context.CancellationToken);
        await Notifier.Notify(NotificationRules.RevisionRequested,
            new Occasion($"revision-requested:{m.RevisionId}", m.ProviderId, m.RecommendationId, m.ActionId,
                links.Recommendation(m.RecommendationId), values), context.CancellationToken);
    }
}
