using MassTransit;
using Tracking.Contracts;
using Tracking.Notifications.Data;
using Tracking.Notifications.Rules;
using Tracking.Notifications.Templates;

namespace Tracking.Notifications.Consumers;

/// <summary>Reminders: the provider's managers for the provider's own deadlines, and an action's owner for their action.</summary>
public sealed class DeadlineApproachingConsumer(NotificationsDbContext db, Notifier notifier, PortalLinks links, TimeProvider clock)
    : NotifyingConsumer<DeadlineApproaching>(db, notifier, clock)
{
    protected override async Task Handle(DeadlineApproaching m, ConsumeContext<DeadlineApproaching> context)
    {
        if (m.Kind == DeadlineKind.EvidenceReview)
        {
            return;
        }

        var ct = context.CancellationToken;
        var values = await About(m.RecommendationId, m.ProviderId, ct);
        values["what"] = DeadlineWording.What(m.Kind);
        values["due_on"] = m.DueOn.ToString("d MMMM yyyy");
        values["days"] = m.DaysBefore.ToString();
        var key = $"deadline-approaching:{m.DeadlineId}:{m.DueOn:yyyy-MM-dd}:{m.DaysBefore}";
        await Announce(m, m.ProviderId, key, context.CancellationToken);
        await Notifier.Notify(NotificationRules.DeadlineReminder,
            new Occasion(key, m.ProviderId, m.RecommendationId, m.ActionId, links.Recommendation(m.RecommendationId), values), ct);
        if (m.ActionId is { } actionId)
        {
            values["action"] = (await Db.ActionOwners.FindAsync([actionId], ct))?.Description ?? "";
            await Notifier.Notify(NotificationRules.ActionReminder,
                new Occasion(key, m.ProviderId, m.RecommendationId, actionId, links.EvidenceForm(m.RecommendationId), values), ct);
        }
    }
}
