using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tracking.ServiceDefaults.Persistence;

namespace Tracking.Messaging.Outbox;

/// <summary>
/// Outbox retention: sent events older than <see cref="OutboxOptions.RetainSentFor"/> move to outbox_archive in
/// batches, so the relay's claim stays on a small table however many events a service has ever published; a replay
/// puts them back. Safe on several processes at once: a batch already moved by another is skipped.
/// </summary>
public sealed class OutboxArchive<TContext>(
    IServiceScopeFactory scopes, IOptions<OutboxOptions> options, TimeProvider clock, ILogger<OutboxArchive<TContext>> logger) : BackgroundService
    where TContext : MessagingDbContext
{
    private const string Columns = "\"Sequence\", \"MessageId\", \"MessageType\", \"Body\", \"OccurredAt\", \"SentAt\", \"Attempts\"";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A one-shot delay after each run, not a periodic timer: a clock that jumps ahead (a resumed VM, a test's
        // fake clock) then causes one run, not one per interval skipped.
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ArchiveAll(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Archiving the {Context} outbox failed; trying again at the next interval", typeof(TContext).Name);
            }

            await Task.Delay(options.Value.ArchiveInterval, clock, stoppingToken);
        }
    }

    /// <summary>Moves every sent event past the retention age, batch by batch; returns how many moved.</summary>
    public async Task<int> ArchiveAll(CancellationToken cancellationToken)
    {
        var total = 0;
        int moved;
        do
        {
            moved = await ArchiveBatch(cancellationToken);
            total += moved;
        }
        while (moved > 0 && !cancellationToken.IsCancellationRequested);

        if (total > 0)
        {
            logger.LogInformation("Archived {Count} sent events of the {Context} outbox", total, typeof(TContext).Name);
        }

        return total;
    }

    private async Task<int> ArchiveBatch(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var cutoff = (clock.GetUtcNow() - settings.RetainSentFor).UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var outbox = db.QualifiedTable<OutboxMessage>();
        var archive = db.QualifiedTable<ArchivedOutboxMessage>();
        var due = $"\"SentAt\" IS NOT NULL AND \"SentAt\" < {{0}}";

        // The batch is the oldest sent rows up to a bound sequence; copied then deleted in one transaction, by the
        // same bound, so each row ends up in exactly one table. Names come from the model, the size is a number.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var boundSql = $"SELECT max(\"Sequence\") AS \"Value\" FROM (SELECT \"Sequence\" FROM {outbox} WHERE {due} "
            + $"ORDER BY \"Sequence\" LIMIT {settings.ArchiveBatchSize}) AS batch";
        var bound = await db.Database.SqlQueryRaw<long?>(boundSql, cutoff).SingleAsync(cancellationToken);
        if (bound is null)
        {
            return 0;
        }

        var copy = $"INSERT INTO {archive} ({Columns}) SELECT {Columns} FROM {outbox} WHERE {due} AND \"Sequence\" <= {{1}} ON CONFLICT DO NOTHING";
        var delete = $"DELETE FROM {outbox} WHERE {due} AND \"Sequence\" <= {{1}}";
        await db.Database.ExecuteSqlRawAsync(copy, [cutoff, bound.Value], cancellationToken);
        var moved = await db.Database.ExecuteSqlRawAsync(delete, [cutoff, bound.Value], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return moved;
    }
}
