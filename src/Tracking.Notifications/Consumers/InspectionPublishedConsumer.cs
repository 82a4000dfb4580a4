using MassTransit;
using Tracking.Contracts;
using Tracking.Notifications.Data;
using Tracking.Notifications.Directory;
using Tracking.Notifications.Rules;
using Tracking.Notifications.Templates;

namespace Tracking.Notifications.Consumers;

/// <summary>Remembers who published each recommendation (the lead inspector) and tells the provider's managers.</summary>
public sealed class InspectionPublishedConsumer(NotificationsDbContext db, Notifier notifier, PortalLinks links, TimeProvider clock)
    : NotifyingConsumer<InspectionPublished>(db, notifier, clock)
{
    protected override async Task Handle(InspectionPublished m, ConsumeContext<InspectionPublished> context)
    {
        var ct = context.CancellationToken;

        foreach (var id in m.RecommendationIds)
        {
            var row = await Db.Recommendations.FindAsync([id], ct);
            if (row is null)
            {
                row = new PublishedRecommendation { RecommendationId = id };
                Db.Recommendations.Add(row);
            }

            row.InspectionId = m.InspectionId;
            row.ProviderId = m.Provider.Id;
            row.ProviderName = m.Provider.Name;
            row.InspectionTitle = m.Title;
            row.PublishedBy = m.PublishedBy;
        }

        var values = new Dictionary<string, string>
        {
            ["provider"] = m.Provider.Name,
            ["inspection"] = m.Title,
            ["count"] = m.RecommendationIds.Count.ToString(),
        };
        var link = m.RecommendationIds.Count > 0 ? links.Recommendation(m.RecommendationIds[0]) : links.Origin;
        await Announce(m, m.Provider.Id, $"inspection-published:{m.InspectionId}", context.CancellationToken);
        await Notifier.Notify(NotificationRules.Publication,
            new Occasion($"inspection-published:{m.InspectionId}", m.Provider.Id, m.RecommendationIds.FirstOrDefault(), null, link, values), ct);
    }
}
