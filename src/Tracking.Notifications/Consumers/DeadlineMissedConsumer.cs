using MassTransit;
using Tracking.Contracts;
using Tracking.Notifications.Data;
using Tracking.Notifications.Rules;
using Tracking.Notifications.Templates;

namespace Tracking.Notifications.Consumers;

/// <summary>
/// A missed deadline tells the provider's managers, the lead inspector and an action's owner (essential mail); its
/// escalation tells the lead inspector and the planners. The inspectorate's own review deadline tells only inspectors.
/// </summary>
public sealed class DeadlineMissedConsumer(NotificationsDbContext db, Notifier notifier, PortalLinks links, TimeProvider clock)
    : NotifyingConsumer<DeadlineMissed>(db, notifier, clock)
{
    protected override async Task Handle(DeadlineMissed m, ConsumeContext<DeadlineMissed> context)
    {
        var ct = context.CancellationToken;
        var values = await About(m.RecommendationId, m.ProviderId, ct);
        values["what"] = DeadlineWording.What(m.Kind);
        values["due_on"] = m.DueOn.ToString("d MMMM yyyy");
        values["days"] = m.DaysOverdue.ToString();
        var key = $"deadline-missed:{m.DeadlineId}:{m.DueOn:yyyy-MM-dd}:{m.Escalation}";
        var page = links.Recommendation(m.RecommendationId);
        await Announce(m, m.ProviderId, key, context.CancellationToken);
        if (m.Escalation > 0)
        {
            await Notifier.Notify(NotificationRules.Escalation, new Occasion(key, m.ProviderId, m.RecommendationId, m.ActionId, page, values), ct);
            return;
        }

        var missed = m.Kind == DeadlineKind.EvidenceReview
            ? NotificationRules.DeadlineMissed with { Audience = Audience.LeadInspector }
            : NotificationRules.DeadlineMissed;
        await Notifier.Notify(missed, new Occasion(key, m.ProviderId, m.RecommendationId, m.ActionId, page, values), ct);
        if (m.ActionId is { } actionId)
        {
            values["action"] = (await Db.ActionOwners.FindAsync([actionId], ct))?.Description ?? "";
            await Notifier.Notify(NotificationRules.ActionMissed,
                new Occasion(key, m.ProviderId, m.RecommendationId, actionId, links.EvidenceForm(m.RecommendationId), values), ct);
        }
    }
}
