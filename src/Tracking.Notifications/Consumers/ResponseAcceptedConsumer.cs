using MassTransit;
using Tracking.Contracts;
using Tracking.Notifications.Data;
using Tracking.Notifications.Rules;
using Tracking.Notifications.Templates;

namespace Tracking.Notifications.Consumers;

public sealed class ResponseAcceptedConsumer(NotificationsDbContext db, Notifier notifier, PortalLinks links, TimeProvider clock)
    : NotifyingConsumer<ResponseAccepted>(db, notifier, clock)
{
    protected override async Task Handle(ResponseAccepted m, ConsumeContext<ResponseAccepted> context) =>
        await Notifier.Notify(NotificationRules.ResponseAccepted,
            new Occasion($"response-accepted:{m.RecommendationId}:{m.ResponseVersion}", m.ProviderId, m.RecommendationId, null,
                links.Recommendation(m.RecommendationId), await About(m.RecommendationId, m.ProviderId, context.CancellationToken)),
            context.CancellationToken);
}
