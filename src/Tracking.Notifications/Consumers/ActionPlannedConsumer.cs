using MassTransit;
using Tracking.Contracts;
using Tracking.Notifications.Data;
using Tracking.Notifications.Directory;
using Tracking.Notifications.Rules;
using Tracking.Notifications.Templates;

namespace Tracking.Notifications.Consumers;

/// <summary>Remembers the action's owner (for its reminders) and tells them they own it.</summary>
public sealed class ActionPlannedConsumer(NotificationsDbContext db, Notifier notifier, PortalLinks links, TimeProvider clock)
    : NotifyingConsumer<ActionPlanned>(db, notifier, clock)
{
    protected override async Task Handle(ActionPlanned m, ConsumeContext<ActionPlanned> context)
    {
        var ct = context.CancellationToken;
        var owner = await Db.ActionOwners.FindAsync([m.ActionId], ct);
        if (owner is null)
        {
            owner = new ActionOwner { ActionId = m.ActionId };
            Db.ActionOwners.Add(owner);
        }

        owner.RecommendationId = m.RecommendationId;
        owner.ProviderId = m.ProviderId;
        owner.Description = m.Description;
        owner.OwnerName = m.OwnerName;
        owner.OwnerEmail = m.OwnerEmail.Trim();
        owner.TargetDate = m.TargetDate;

        // The owner is looked up when the mail is dispatched, after the base class has saved this row with the occasion.
        var values = await About(m.RecommendationId, m.ProviderId, ct);
        values["action"] = m.Description;
        values["due_on"] = m.TargetDate.ToString("d MMMM yyyy");
        await Announce(m, m.ProviderId, $"action-planned:{m.ActionId}", context.CancellationToken);
        await Notifier.Notify(NotificationRules.ActionAssigned,
            new Occasion($"action-planned:{m.ActionId}", m.ProviderId, m.RecommendationId, m.ActionId,
                links.EvidenceForm(m.RecommendationId), values), ct);
    }
}
