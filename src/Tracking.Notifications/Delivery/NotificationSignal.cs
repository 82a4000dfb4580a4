using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Tracking.Notifications.Delivery;

/// <summary>
/// Wakes the dispatcher as soon as a SaveChanges has queued mail or an occasion, or changed the directory an
/// occasion may be waiting for, instead of waiting for its poll.
/// </summary>
public sealed class NotificationSignal : SaveChangesInterceptor
{
    private readonly SemaphoreSlim _pending = new(0, 1);

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        var tracker = eventData.Context?.ChangeTracker;
        if (tracker is not null && (tracker.Entries<Notification>().Any(e => e.Entity.Status == NotificationStatus.Queued)
                                    || tracker.Entries<Rules.PendingOccasion>().Any(e => e.Entity.ResolvedAt == null)
                                    || tracker.Entries<Directory.Person>().Any()))
        {
            Release();
        }

        return ValueTask.FromResult(result);
    }

    public void Release()
    {
        try
        {
            _pending.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: the next pass takes everything queued so far.
        }
    }

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await _pending.WaitAsync(timeout, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
