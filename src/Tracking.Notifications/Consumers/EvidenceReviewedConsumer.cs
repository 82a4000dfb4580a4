using MassTransit;
using Tracking.Contracts;
using Tracking.Notifications.Data;
using Tracking.Notifications.Rules;
using Tracking.Notifications.Templates;

namespace Tracking.Notifications.Consumers;

public sealed class EvidenceReviewedConsumer(NotificationsDbContext db, Notifier notifier, PortalLinks links, TimeProvider clock)
    : NotifyingConsumer<EvidenceReviewed>(db, notifier, clock)
{
    protected override async Task Handle(EvidenceReviewed m, ConsumeContext<EvidenceReviewed> context)
    {
        var values = await About(m.RecommendationId, m.ProviderId, context.CancellationToken);
        values["outcome"] = m.Outcome.ToLowerInvariant();
        values["comment"] = m.Comment;
        await Announce(m, m.ProviderId, $"evidence-reviewed:{m.EvidenceId}", context.CancellationToken);
        await Notifier.Notify(NotificationRules.EvidenceReviewed,
            new Occasion($"evidence-reviewed:{m.EvidenceId}", m.ProviderId, m.RecommendationId, null,
                links.Recommendation(m.RecommendationId), values), context.CancellationToken);
    }
}
