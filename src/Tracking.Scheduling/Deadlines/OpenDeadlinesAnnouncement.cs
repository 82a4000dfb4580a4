using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tracking.Messaging.Inbox;
using Tracking.Scheduling.Data;

namespace Tracking.Scheduling.Deadlines;

/// <summary>
/// Deadlines opened before scheduling raised DeadlineScheduled were never announced, so planning could not show them
/// as next due. Once per database, at start, every open deadline is announced (in batches, through the outbox); a
/// marker row in the inbox records that it is done. Two processes doing it at once, or a restart half-way, only
/// announce some deadlines twice, which planning takes as the same fact.
/// </summary>
internal sealed class OpenDeadlinesAnnouncement(
    IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, TimeProvider clock, ILogger<OpenDeadlinesAnnouncement> logger)
    : BackgroundService
{
    /// <summary>The inbox row that says the announcement is done, as if it were one message consumed once.</summary>
    public static readonly Guid MarkerId = new("6d1f4a52-3b7e-4c1d-9a0e-5f2b8c7d0e11");

    public const string MarkerConsumer = nameof(OpenDeadlinesAnnouncement);

    private const int BatchSize = 1000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // After start: the database is migrated by then, and the relay is running to send what is written here.
        await WhenStarted(stoppingToken);
        try
        {
            var announced = await AnnounceOnce(stoppingToken);
            if (announced > 0)
            {
                logger.LogInformation("Announced {Count} deadlines that were open before DeadlineScheduled existed", announced);
            }
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            // Not fatal: the next start tries again, since the marker is only written at the end.
            logger.LogWarning(ex, "Announcing the open deadlines failed; the next start retries");
        }
    }

    /// <summary>Announces every open deadline unless the marker says it was done; returns how many it announced.</summary>
    public async Task<int> AnnounceOnce(CancellationToken ct)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SchedulingDbContext>();
            if (await db.Inbox.AnyAsync(m => m.MessageId == MarkerId && m.Consumer == MarkerConsumer, ct))
            {
                return 0;
            }
        }

        var announced = 0;
        Guid? after = null;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SchedulingDbContext>();
            var open = db.Deadlines.AsNoTracking().Where(d => d.Status == DeadlineStatus.Open);
            if (after is { } last)
            {
                open = open.Where(d => d.Id.CompareTo(last) > 0);
            }

            var batch = await open.OrderBy(d => d.Id).Take(BatchSize).ToListAsync(ct);
            var now = clock.GetUtcNow();
            foreach (var deadline in batch)
            {
                db.Publish(deadline.Scheduled(now), now);
            }

            if (batch.Count < BatchSize)
            {
                db.Inbox.Add(new InboxMessage { MessageId = MarkerId, Consumer = MarkerConsumer, ProcessedAt = now.UtcDateTime });
            }

            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException) when (batch.Count < BatchSize)
            {
                // Another process wrote the marker first: it announced the same deadlines.
                return announced;
            }

            announced += batch.Count;
            if (batch.Count < BatchSize)
            {
                return announced;
            }

            after = batch[^1].Id;
        }
    }

    private Task WhenStarted(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        stoppingToken.Register(() => started.TrySetCanceled());
        return started.Task;
    }
}
