using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tracking.Notifications.Data;
using Tracking.Notifications.Rules;
using Tracking.Notifications.UpdateRounds;

namespace Tracking.Notifications.Delivery;

/// <summary>
/// Works the mail queue: turns waiting occasions into mail (recipients looked up now), makes the day's digests and starts update rounds when
/// they fall due, then claims each due message (one UPDATE that
/// only one process can win), sends it and logs the attempt. A failure waits with a doubling backoff; after
/// MaxAttempts the message is given up. A process that dies mid-send loses its claim after ClaimFor.
/// </summary>
public sealed class MailDispatcher(
    IServiceScopeFactory scopes,
    NotificationSignal signal,
    IOptions<NotificationOptions> options,
    TimeProvider clock,
    ILogger<MailDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnce(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Notification dispatcher pass failed; retrying");
            }

            await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
        }
    }

    public async Task RunOnce(CancellationToken ct)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<OccasionResolver>().ResolveDue(ct);
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DigestMaker>().MakeDue(ct);
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<UpdateRoundMaker>().StartDue(ct);
        }

        while (await SendBatch(ct) == options.Value.BatchSize)
        {
        }
    }

    private async Task<int> SendBatch(CancellationToken ct)
    {
        var settings = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var sender = scope.ServiceProvider.GetRequiredService<INotificationSender>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Notifications
            .Where(n => (n.Status == NotificationStatus.Queued && n.NextAttemptAt <= now)
                        || (n.Status == NotificationStatus.Sending && n.ClaimedUntil < now))
            .OrderBy(n => n.NextAttemptAt).Select(n => n.Id).Take(settings.BatchSize).ToListAsync(ct);
        foreach (var id in due)
        {
            var claimedUntil = now + settings.ClaimFor;
            var claimed = await db.Notifications
                .Where(n => n.Id == id && ((n.Status == NotificationStatus.Queued && n.NextAttemptAt <= now)
                                           || (n.Status == NotificationStatus.Sending && n.ClaimedUntil < now)))
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NotificationStatus.Sending).SetProperty(n => n.ClaimedUntil, claimedUntil), ct);
            if (claimed == 1)
            {
                await Send(db, sender, id, settings, ct);
            }
        }

        return due.Count;
    }

    private async Task Send(NotificationsDbContext db, INotificationSender sender, Guid id, NotificationOptions settings, CancellationToken ct)
    {
        var notification = await db.Notifications.SingleAsync(n => n.Id == id, ct);
        notification.Attempts++;
        var entry = new DeliveryLogEntry { NotificationId = id, Attempt = notification.Attempts };
        try
        {
            await sender.SendAsync(notification, ct);
            notification.Status = NotificationStatus.Sent;
            notification.SentAt = clock.GetUtcNow().UtcDateTime;
            notification.LastError = null;
            entry.Outcome = DeliveryOutcome.Sent;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            var reason = $"{ex.GetType().Name}: {ex.Message}";
            notification.LastError = reason[..Math.Min(reason.Length, 2000)];
            if (notification.Attempts >= settings.MaxAttempts)
            {
                notification.Status = NotificationStatus.GivenUp;
                entry.Outcome = DeliveryOutcome.GivenUp;
                entry.Detail = notification.LastError;
            }
            else
            {
                var wait = settings.FirstRetryAfter * Math.Pow(2, notification.Attempts - 1);
                notification.Status = NotificationStatus.Queued;
                notification.NextAttemptAt = clock.GetUtcNow().UtcDateTime + wait;
                entry.Outcome = DeliveryOutcome.Failed;
                entry.Detail = $"{notification.LastError} (next try at {notification.NextAttemptAt:u})";
            }

            logger.LogWarning("Mail {Id} to {To} failed (attempt {Attempt}): {Reason}", id, notification.Recipient, notification.Attempts, reason);
        }

        notification.ClaimedUntil = null;
        entry.At = clock.GetUtcNow().UtcDateTime;
        db.DeliveryLog.Add(entry);
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
