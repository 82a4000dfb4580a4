using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tracking.Notifications.Data;
using Tracking.Notifications.Delivery;
using Tracking.Notifications.Settings;
using Tracking.Notifications.Templates;

namespace Tracking.Notifications.Rules;

/// <summary>
/// Turns waiting occasions into one queued mail per recipient. An occasion whose audience has an empty part (no
/// manager of the provider known yet, say) waits for up to AudienceGrace, re-checked on every pass, because identity's
/// Person events may arrive after the event itself; then it goes to whoever is known. The unique (event, person,
/// rule) key on the mail still decides "exactly once".
/// </summary>
public sealed class OccasionResolver(NotificationsDbContext db, PortalLinks links, IOptions<NotificationOptions> options, TimeProvider clock)
{
    public async Task ResolveDue(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var waiting = await db.Occasions.AsNoTracking()
            .Where(o => o.ResolvedAt == null && (o.ClaimedUntil == null || o.ClaimedUntil < now))
            .OrderBy(o => o.CreatedAt).Select(o => o.Id).Take(options.Value.BatchSize * 5).ToListAsync(ct);
        foreach (var id in waiting)
        {
            var claimedUntil = now + options.Value.ClaimFor;
            var claimed = await db.Occasions
                .Where(o => o.Id == id && o.ResolvedAt == null && (o.ClaimedUntil == null || o.ClaimedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.ClaimedUntil, claimedUntil), ct);
            if (claimed == 1)
            {
                await Resolve(await db.Occasions.SingleAsync(o => o.Id == id, ct), now, ct);
            }
        }
    }

    private async Task Resolve(PendingOccasion pending, DateTime now, CancellationToken ct)
    {
        var rule = NotificationRules.All.Single(r => r.Name == pending.Rule) with { Audience = pending.Audience };
        var values = JsonSerializer.Deserialize<Dictionary<string, string>>(pending.Values) ?? [];
        var occasion = new Occasion(pending.EventKey, pending.ProviderId, pending.RecommendationId, pending.ActionId, pending.Link, values);
        var (recipients, complete) = await Recipients.Resolve(db, rule.Audience, occasion, ct);
        if (!complete && now - pending.CreatedAt < options.Value.AudienceGrace)
        {
            pending.ClaimedUntil = null;
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            return;
        }

        foreach (var recipient in recipients)
        {
            await Queue(rule, occasion, recipient, now, ct);
        }

        pending.ResolvedAt = now;
        pending.ClaimedUntil = null;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another process queued some of this mail first (its claim had lapsed); the unique key kept it to one, and
            // the next pass queues whatever is still missing.
            db.ChangeTracker.Clear();
            await db.Occasions.Where(o => o.Id == pending.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.ClaimedUntil, (DateTime?)null), ct);
        }

        db.ChangeTracker.Clear();
    }

    private async Task Queue(NotificationRule rule, Occasion occasion, Recipients.Recipient recipient, DateTime now, CancellationToken ct)
    {
        var email = recipient.Email.Trim().ToLowerInvariant();
        if (await db.Notifications.AnyAsync(n => n.EventKey == occasion.EventKey && n.Recipient == email && n.Rule == rule.Name, ct))
        {
            return;
        }

        var settings = await db.Settings.FindAsync([email], ct);
        var values = new Dictionary<string, string>(occasion.Values)
        {
            ["name"] = recipient.Name,
            ["link"] = occasion.Link,
            ["settings_link"] = links.Settings(email),
        };
        var subject = Template.Fill(rule.Subject, values);
        var text = $"Dear {recipient.Name},\n\n{Template.Fill(rule.Body + Footer(rule.Essential), values)}";
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
            Text = text,
            Html = Template.Html(subject, text),
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

    private static string Footer(bool essential) => essential
        ? "\n\nYou get this e-mail whatever your settings, because a deadline was missed. Your notification settings: ((settings_link))"
        : "\n\nChoose a daily summary instead, or stop these e-mails: ((settings_link))";
}
