using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tracking.Notifications.Data;

namespace Tracking.Notifications.Rules;

/// <summary>
/// Records that a rule applies to an event, in the consumer's unit of work (saved with its inbox row). Who is told is
/// decided later, when the dispatcher resolves the occasion (<see cref="OccasionResolver"/>). An occasion that exists
/// already for this event and rule is left alone; a race between two processes ends on the unique key.
/// </summary>
public sealed class Notifier(NotificationsDbContext db, TimeProvider clock)
{
    public async Task Notify(NotificationRule rule, Occasion occasion, CancellationToken ct)
    {
        if (db.Occasions.Local.Any(o => o.EventKey == occasion.EventKey && o.Rule == rule.Name)
            || await db.Occasions.AnyAsync(o => o.EventKey == occasion.EventKey && o.Rule == rule.Name, ct))
        {
            return;
        }

        db.Occasions.Add(new PendingOccasion
        {
            Id = Guid.NewGuid(),
            EventKey = occasion.EventKey,
            Rule = rule.Name,
            Audience = rule.Audience,
            ProviderId = occasion.ProviderId,
            RecommendationId = occasion.RecommendationId,
            ActionId = occasion.ActionId,
            Link = occasion.Link,
            Values = JsonSerializer.Serialize(occasion.Values),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
    }
}
