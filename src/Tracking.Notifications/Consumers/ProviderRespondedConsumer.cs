using MassTransit;
using Tracking.Contracts;
using Tracking.Notifications.Data;
using Tracking.Notifications.Rules;
using Tracking.Notifications.Templates;

namespace Tracking.Notifications.Consumers;

public sealed class ProviderRespondedConsumer(NotificationsDbContext db, Notifier notifier, PortalLinks links, TimeProvider clock)
    : NotifyingConsumer<ProviderResponded>(db, notifier, clock)
{
    protected override async Task Handle(ProviderResponded m, ConsumeContext<ProviderResponded> context)
    {
        var values = await About(m.RecommendationId, m.ProviderId, context.CancellationToken);
        values["response"] = m.Response;
        await Announce(m, m.ProviderId, $"provider-responded:{m.RecommendationId}:{m.ResponseVersion}", context.CancellationToken);
        await Notifier.Notify(NotificationRules.ResponseSubmitted,
            new Occasion($"provider-responded:{m.RecommendationId}:{m.ResponseVersion}", m.ProviderId, m.RecommendationId, null,
                links.Recommendation(m.RecommendationId), values), context.CancellationToken);
    }
}
