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

    private void Notify(DbContext? context)
    {
        if (context is null || !context.ChangeTracker.Entries<OutboxMessage>().Any(e => e.Entity.SentAt is null))
        {
            return;
        }

        try
        {
            _pending.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: the relay will pick up everything written so far in one pass.
        }
    }
}
