using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tracking.Notifications.Data;
using Tracking.Notifications.Delivery;
using Tracking.Notifications.Settings;
using Tracking.Notifications.Templates;

namespace Tracking.Notifications.Rules;

/// <summary>
/// Queues one mail per recipient of a rule, in the consumer's unit of work (saved with its inbox row). A mail that
/// exists already for this event, person and rule is left alone; a race between two processes ends on the unique key.
/// </summary>
public sealed class Notifier(NotificationsDbContext db, PortalLinks links, TimeProvider clock)
{
    public async Task Notify(NotificationRule rule, Occasion occasion, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var recipient in await Recipients.Resolve(db, rule.Audience, occasion, ct))
        {
            var email = recipient.Email.Trim().ToLowerInvariant();
            if (await db.Notifications.AnyAsync(n => n.EventKey == occasion.EventKey && n.Recipient == email && n.Rule == rule.Name, ct))
            {
                continue;
            }

            var settings = await db.Settings.FindAsync([email], ct);
            var values = new Dictionary<string, string>(occasion.Values)
            {
                ["name"] = recipient.Name,
                ["link"] = occasion.Link,
                ["settings_link"] = links.Settings(email),
            };
            var subject = Template.Fill(rule.Subject, values);
            var text = Template.Fill(rule.Body + Footer(rule.Essential), values);
            var status = rule.Essential ? NotificationStatus.Queued
                : settings?.OptedOut == true ? NotificationStatus.OptedOut
                : settings?.Mode == DeliveryMode.Digest ? NotificationStatus.AwaitingDigest
                : NotificationStatus.Queued;
            var notification = new Notification
            {
                Id = Guid.NewGuid(),
                EventKey = occasion.EventKey,
                Recipient = email,
                Rule = rule.Name,
                Essential = rule.Essential,
                Subject = subject,
                Text = $"Dear {recipient.Name},\n\n{text}",
                Html = Template.Html(subject, $"Dear {recipient.Name},\n\n{text}"),
                Link = occasion.Link,
                Personalisation = JsonSerializer.Serialize(values),
                Status = status,
                CreatedAt = now,
                NextAttemptAt = now,
            };
            db.Notifications.Add(notification);
            db.DeliveryLog.Add(new DeliveryLogEntry
            {
                NotificationId = notification.Id,
                At = now,
                Outcome = status switch
                {
                    NotificationStatus.OptedOut => DeliveryOutcome.OptedOut,
                    NotificationStatus.AwaitingDigest => DeliveryOutcome.HeldForDigest,
                    _ => DeliveryOutcome.Queued,
                },
            });
        }
    }

    private static string Footer(bool essential) => essential
        ? "\n\nYou get this e-mail whatever your settings, because a deadline was missed. Your notification settings: ((settings_link))"
        : "\n\nChoose a daily summary instead, or stop these e-mails: ((settings_link))";
}
