using MassTransit;
using Tracking.Contracts;
using Tracking.Notifications.Data;
using Tracking.Notifications.Rules;
using Tracking.Notifications.Templates;

namespace Tracking.Notifications.Consumers;

public sealed class FollowUpReviewDueConsumer(NotificationsDbContext db, Notifier notifier, PortalLinks links, TimeProvider clock)
    : NotifyingConsumer<FollowUpReviewDue>(db, notifier, clock)
{
    protected override async Task Handle(FollowUpReviewDue m, ConsumeContext<FollowUpReviewDue> context)
    {
        var first = m.OpenRecommendationIds.Count > 0 ? m.OpenRecommendationIds[0] : (Guid?)null;
        var values = first is { } id ? await About(id, m.ProviderId, context.CancellationToken)
            : new Dictionary<string, string> { ["provider"] = m.ProviderId, ["inspection"] = "the inspection" };
        values["due_on"] = m.DueOn.ToString("d MMMM yyyy");
        values["count"] = m.OpenRecommendationIds.Count.ToString();
        await Announce(m, m.ProviderId, $"follow-up-review-due:{m.ReviewId}:{m.DueOn:yyyy-MM-dd}", context.CancellationToken);
        await Notifier.Notify(NotificationRules.FollowUpReviewDue,
            new Occasion($"follow-up-review-due:{m.ReviewId}:{m.DueOn:yyyy-MM-dd}", m.ProviderId, first, null,
                first is { } r ? links.Recommendation(r) : links.Planning, values), context.CancellationToken);
    }
}
