using Microsoft.EntityFrameworkCore;
using Tracking.Messaging.Inbox;
using Tracking.Notifications.Data;
using Tracking.Notifications.Rules;
using Tracking.Notifications.Webhooks;

namespace Tracking.Notifications.Consumers;

/// <summary>
/// A consumer that queues mail and webhook deliveries: the inbox row, the directory change, the occasions and the
/// deliveries commit together.
/// </summary>
public abstract class NotifyingConsumer<TMessage>(NotificationsDbContext db, Notifier notifier, TimeProvider clock)
    : IdempotentConsumer<TMessage, NotificationsDbContext>(db, clock)
    where TMessage : class
{
    protected Notifier Notifier => notifier;

    /// <summary>Queues the event for every webhook endpoint that subscribed to it; the key keeps it to one delivery each.</summary>
    protected Task Announce(TMessage message, string providerId, string eventKey, CancellationToken ct) =>
        WebhookAnnouncer.Announce(Db, Clock, message, providerId, eventKey, ct);

    /// <summary>The provider's name and the inspection's title as the directory knows them, for the templates.</summary>
    protected async Task<Dictionary<string, string>> About(Guid recommendationId, string providerId, CancellationToken ct)
    {
        var known = await Db.Recommendations.AsNoTracking().FirstOrDefaultAsync(r => r.RecommendationId == recommendationId, ct);
        return new Dictionary<string, string>
        {
            ["provider"] = known?.ProviderName is { Length: > 0 } name ? name : providerId,
            ["inspection"] = known?.InspectionTitle is { Length: > 0 } title ? title : "the inspection",
        };
    }
}
