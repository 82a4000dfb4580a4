using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Tracking.Messaging.Outbox;

/// <summary>Wakes a service's outbox relay as soon as a SaveChanges has written events, instead of waiting for its poll.</summary>
public sealed class OutboxSignal<TContext> : SaveChangesInterceptor where TContext : DbContext
{
    private readonly SemaphoreSlim _pending = new(0, 1);

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Notify(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Notify(eventData.Context);
        return result;
    }

    /// <summary>Returns when events were saved since the last wait, when the timeout has passed on the clock, or on cancellation.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var woken = _pending.WaitAsync(waiting.Token);
        var timedOut = Task.Delay(timeout, clock, waiting.Token);
        await Task.WhenAny(woken, timedOut);

        // The loser is cancelled (and left unobserved); a semaphore wait already granted stays granted, so no wake-up is lost.
        await waiting.CancelAsync();
    }

    /// <summary>Wakes the relay for events written without a SaveChanges of their own (a replay marking rows unsent).</summary>
    public void Notify()
    {
        try
        {
            _pending.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: the relay will pick up everything written so far in one pass.
        }
    }

    private void Notify(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries<OutboxMessage>().Any(e => e.Entity.SentAt is null))
        {
            Notify();
        }
    }
}
