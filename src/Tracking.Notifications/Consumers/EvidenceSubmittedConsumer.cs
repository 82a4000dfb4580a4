using MassTransit;
using Microsoft.EntityFrameworkCore;
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
        await AnswerUpdateRequests(m, context.CancellationToken);
        var values = await About(m.RecommendationId, m.ProviderId, context.CancellationToken);
        values["files"] = m.FileCount.ToString();
        await Announce(m, m.ProviderId, $"evidence-submitted:{m.EvidenceId}", context.CancellationToken);
        await Notifier.Notify(NotificationRules.EvidenceSubmitted,
            new Occasion($"evidence-submitted:{m.EvidenceId}", m.ProviderId, m.RecommendationId, null,
                links.Recommendation(m.RecommendationId), values), context.CancellationToken);
    }

    /// <summary>Evidence for an action answers its open update requests; evidence naming no action answers its recommendation's.</summary>
    private async Task AnswerUpdateRequests(EvidenceSubmitted m, CancellationToken ct)
    {
        var at = m.OccurredAt.UtcDateTime;
        var actionIds = m.ActionIds.ToList();
        var asked = await Db.UpdateRequests
            .Where(r => r.AnsweredAt == null && r.AskedAt <= at && r.RecommendationId == m.RecommendationId
                && (actionIds.Count == 0 || actionIds.Contains(r.ActionId)))
            .ToListAsync(ct);
        foreach (var request in asked)
        {
            request.AnsweredAt = at;
            request.EvidenceId = m.EvidenceId;
        }
    }
}
