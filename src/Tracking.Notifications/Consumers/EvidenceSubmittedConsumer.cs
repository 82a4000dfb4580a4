using MassTransit;
using Tracking.Contracts;
using Tracking.Notifications.Data;
using Tracking.Notifications.Rules;
using Tracking.Notifications.Templates;

namespace Tracking.Notifications.Consumers;

public sealed class EvidenceSubmittedConsumer(NotificationsDbContext db, Notifier notifier, PortalLinks links, TimeProvider clock)
    : NotifyingConsumer<EvidenceSubmitted>(db, notifier, clock)
{
    protected override async Task Handle(EvidenceSubmitted m, ConsumeContext<EvidenceSubmitted> context)
    {
        var values = await About(m.RecommendationId, m.ProviderId, context.CancellationToken);
        values["files"] = m.FileCount.ToString();
        await Announce(m, m.ProviderId, $"evidence-submitted:{m.EvidenceId}", context.CancellationToken);
        await Notifier.Notify(NotificationRules.EvidenceSubmitted,
            new Occasion($"evidence-submitted:{m.EvidenceId}", m.ProviderId, m.RecommendationId, null,
                links.Recommendation(m.RecommendationId), values), context.CancellationToken);
    }
}
