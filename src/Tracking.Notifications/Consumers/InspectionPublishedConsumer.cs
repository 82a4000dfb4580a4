using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tracking.Contracts;
using Tracking.Notifications.Data;
using Tracking.Notifications.Delivery;
using Tracking.Notifications.Directory;
using Tracking.Notifications.Rules;
using Tracking.Notifications.Templates;
using Tracking.Messaging.Topology;
using Tracking.ServiceDefaults.Security;

namespace Tracking.Notifications.Consumers;

/// <summary>Remembers who published each recommendation (the lead inspector) and tells the provider's managers.</summary>
public sealed class InspectionPublishedConsumer(NotificationsDbContext db, Notifier notifier, PortalLinks links,
    IOptions<NotificationOptions> options, TimeProvider clock)
    : NotifyingConsumer<InspectionPublished>(db, notifier, clock)
{
    private static readonly TimeSpan DirectoryGrace = TimeSpan.FromMinutes(2);

    protected override async Task Handle(InspectionPublished m, ConsumeContext<InspectionPublished> context)
    {
        var ct = context.CancellationToken;

        // On a first start with demo data, identity's PersonActivated events race the demo publication: no manager known
        // yet is "not told yet" rather than "nobody to tell", so the queue's retries wait a few seconds; the last try goes ahead.
        if (options.Value.AwaitDemoPeople && Clock.GetUtcNow() - m.PublishedAt < DirectoryGrace && context.GetRetryAttempt() < ServiceQueueDefinition<InspectionPublishedConsumer>.DefaultRetryIntervals.Length
            && !await Db.People.AnyAsync(p => p.Active && p.Role == TrackingRoles.ProviderManager && p.ProviderId == m.Provider.Id, ct))
        {
            throw new InvalidOperationException($"No manager of {m.Provider.Id} is in the directory yet; retrying so the publication reaches them.");
        }

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
        await Notifier.Notify(NotificationRules.Publication,
            new Occasion($"inspection-published:{m.InspectionId}", m.Provider.Id, m.RecommendationIds.FirstOrDefault(), null, link, values), ct);
    }
}
