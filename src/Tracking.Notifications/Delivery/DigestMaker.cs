using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tracking.Notifications.Data;
using Tracking.Notifications.Templates;

namespace Tracking.Notifications.Delivery;

/// <summary>
/// At the digest time (UK), gathers each person's held items into one queued message. The digest's key is the day,
/// so two processes, or a pass repeated after a crash, make one digest per person per day.
/// </summary>
public sealed class DigestMaker(NotificationsDbContext db, PortalLinks links, IOptions<NotificationOptions> options, TimeProvider clock)
{
    public const string Rule = "digest";

    public async Task MakeDue(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var (day, cutoff) = LastDigestTime(now, options.Value.DigestTime);
        var held = await db.Notifications
            .Where(n => n.Status == NotificationStatus.AwaitingDigest && n.CreatedAt <= cutoff)
            .OrderBy(n => n.CreatedAt).ToListAsync(ct);
        foreach (var items in held.GroupBy(n => n.Recipient))
        {
            var key = $"digest:{day:yyyy-MM-dd}";
            if (await db.Notifications.AnyAsync(n => n.EventKey == key && n.Recipient == items.Key && n.Rule == Rule, ct))
            {
                continue;
            }

            var digest = Digest(items.Key, key, items.ToList(), now.UtcDateTime);
            db.Notifications.Add(digest);
            db.DeliveryLog.Add(new DeliveryLogEntry { NotificationId = digest.Id, At = now.UtcDateTime, Outcome = DeliveryOutcome.Queued });
            foreach (var item in items)
            {
                item.Status = NotificationStatus.Digested;
                item.DigestId = digest.Id;
                db.DeliveryLog.Add(new DeliveryLogEntry { NotificationId = item.Id, At = now.UtcDateTime, Outcome = DeliveryOutcome.Digested });
            }

            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another process made this person's digest first; its items are already marked in the database.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>The most recent digest time at or before now: its UK day and its instant in UTC.</summary>
    public static (DateOnly Day, DateTime Utc) LastDigestTime(DateTimeOffset now, TimeOnly at)
    {
        var today = UkCalendar.Today(now);
        var candidate = ToUtc(today, at);
        return candidate <= now.UtcDateTime ? (today, candidate) : (today.AddDays(-1), ToUtc(today.AddDays(-1), at));
    }

    private static DateTime ToUtc(DateOnly day, TimeOnly at) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(at, DateTimeKind.Unspecified), UkCalendar.London);

    private Notification Digest(string recipient, string key, IReadOnlyList<Notification> items, DateTime now)
    {
        var subject = items.Count == 1 ? "Your daily summary: 1 update" : $"Your daily summary: {items.Count} updates";
        var text = new StringBuilder($"Here is what happened since your last summary ({items.Count}):\n\n");
        foreach (var item in items)
        {
            text.Append($"{item.Subject}\n{item.Link}\n\n");
        }

        text.Append($"Get each e-mail as it happens instead, or stop these e-mails: {links.Settings(recipient)}");
        return new Notification
        {
            Id = Guid.NewGuid(),
            EventKey = key,
            Recipient = recipient,
            Rule = Rule,
            Subject = subject,
            Text = text.ToString(),
            Html = Template.Html(subject, text.ToString()),
            Link = links.Origin,
            Personalisation = JsonSerializer.Serialize(new Dictionary<string, string>
            {
                ["count"] = items.Count.ToString(),
                ["items"] = string.Join("\n", items.Select(i => $"* {i.Subject}: {i.Link}")),
                ["settings_link"] = links.Settings(recipient),
            }),
            Status = NotificationStatus.Queued,
            CreatedAt = now,
            NextAttemptAt = now,
        };
    }
}
