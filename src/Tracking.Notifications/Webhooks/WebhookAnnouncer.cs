using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tracking.Notifications.Data;

namespace Tracking.Notifications.Webhooks;

/// <summary>
/// Queues an event for every active endpoint that subscribed to its type and may see its provider, in the consumer's
/// unit of work. The body is the Standard Webhooks shape: type, timestamp and the event as data.
/// </summary>
internal static class WebhookAnnouncer
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task Announce<TMessage>(NotificationsDbContext db, TimeProvider clock, TMessage message, string providerId,
        string eventKey, CancellationToken ct)
        where TMessage : class
    {
        var type = WebhookEventTypes.ByMessage[typeof(TMessage)];
        var endpoints = await db.WebhookEndpoints.AsNoTracking()
            .Where(e => e.Active && (e.ProviderId == null || e.ProviderId == providerId) && (" " + e.EventTypes + " ").Contains(" " + type + " "))
            .Select(e => e.Id).ToListAsync(ct);
        if (endpoints.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var payload = JsonSerializer.Serialize(new { type, timestamp = clock.GetUtcNow(), data = message }, Json);
        var known = await db.WebhookDeliveries.Where(d => d.EventKey == eventKey && endpoints.Contains(d.EndpointId)).Select(d => d.EndpointId).ToListAsync(ct);
        foreach (var endpoint in endpoints.Except(known))
        {
            db.WebhookDeliveries.Add(new WebhookDelivery
            {
                Id = Guid.NewGuid(),
                EndpointId = endpoint,
                EventType = type,
                EventKey = eventKey,
                Payload = payload,
                Status = WebhookDeliveryStatus.Pending,
                CreatedAt = now,
                NextAttemptAt = now,
            });
        }
    }
}
