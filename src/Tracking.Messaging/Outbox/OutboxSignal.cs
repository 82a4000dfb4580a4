using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Tracking.Messaging.Outbox;

/// <summary>
/// Wakes a service's outbox relay as soon as events this process wrote are committed, instead of waiting for its
/// poll. A SaveChanges without a transaction of its own has committed when it returns; inside an explicit
/// transaction the wake waits for that transaction's commit, since a relay woken earlier would find nothing yet
/// (the rows are not visible) and sleep its whole idle interval.
/// </summary>
public sealed class OutboxSignal<TContext> : SaveChangesInterceptor, IDbTransactionInterceptor where TContext : DbContext
{
    private readonly SemaphoreSlim _pending = new(0, 1);

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
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

    /// <summary>Wakes the relay now: for writes to the outbox that did not go through SaveChanges, once committed.</summary>
    public void Wake()
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

    private void Saved(DbContext? context)
    {
        if (context is null || !context.ChangeTracker.Entries<OutboxMessage>().Any(e => e.Entity.SentAt is null))
        {
            return;
        }

        if (context.Database.CurrentTransaction is null)
        {
            Wake();
        }
        else if (context is MessagingDbContext messaging)
        {
            messaging.OutboxWrittenInTransaction = true;
        }
        else
        {
            // Not ours to track: wake now, and the relay's next pass finds the rows if this one comes too early.
            Wake();
        }
    }

    private void Committed(DbContext? context)
    {
        if (context is MessagingDbContext { OutboxWrittenInTransaction: true } messaging)
        {
            messaging.OutboxWrittenInTransaction = false;
            Wake();
        }
    }

    private static void Forget(DbContext? context)
    {
        if (context is MessagingDbContext messaging)
        {
            messaging.OutboxWrittenInTransaction = false;
        }
    }
}
