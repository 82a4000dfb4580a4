using MassTransit;
using Tracking.Contracts;
using Tracking.Notifications.Data;
using Tracking.Notifications.Rules;
using Tracking.Notifications.Templates;

namespace Tracking.Notifications.Consumers;

public sealed class ResponseAcceptedConsumer(NotificationsDbContext db, Notifier notifier, PortalLinks links, TimeProvider clock)
    : NotifyingConsumer<ResponseAccepted>(db, notifier, clock)
{
    protected override async Task Handle(ResponseAccepted m, ConsumeContext<ResponseAccepted> context)
    {
        var key = $"response-accepted:{m.RecommendationId}:{m.ResponseVersion}";
        await Announce(m, m.ProviderId, key, context.CancellationToken);
        await Notifier.Notify(NotificationRules.ResponseAccepted,
            new Occasion(key, m.ProviderId, m.RecommendationId, null,
                links.Recommendation(m.RecommendationId), await About(m.RecommendationId, m.ProviderId, context.CancellationToken)),
            context.CancellationToken);
    }
}
