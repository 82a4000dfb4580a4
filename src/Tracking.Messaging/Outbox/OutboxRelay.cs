using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tracking.Messaging.Topology;
using Tracking.ServiceDefaults.Persistence;

namespace Tracking.Messaging.Outbox;

public sealed class OutboxOptions
{
    public const string Section = "Tracking:Outbox";

    public int BatchSize { get; set; } = 200;

    /// <summary>How long the relay sleeps when nothing woke it; also the retry delay after the broker failed.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A publish that has not been confirmed within this time is treated as failed and retried later.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Sent events older than this move to the archive (outbox_archive), out of the relay's way.</summary>
    public TimeSpan RetainSentFor { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often the archiver looks for sent events past the retention age.</summary>
    public TimeSpan ArchiveInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Rows moved per archive transaction, so a large backlog never holds long locks.</summary>
    public int ArchiveBatchSize { get; set; } = 5000;
}

/// <summary>
/// Publishes a service's outbox to the bus and marks each message sent. Runs until the host stops and picks up
/// where it left off after a restart, because unsent messages are simply rows with no SentAt. On PostgreSQL the
/// batch is claimed with FOR UPDATE SKIP LOCKED, so several instances of a service share the work.
/// </summary>
public sealed class OutboxRelay<TContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    MessagingTopology topology,
    BrokerTopology broker,
    OutboxSignal<TContext> signal,
    IHostApplicationLifetime lifetime,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxRelay<TContext>> logger) : BackgroundService
    where TContext : MessagingDbContext
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The bus starts after this service; publishing before it is up would only fail.
        await WhenStarted(stoppingToken);

        // Not one publish before every service's queue is bound: RabbitMQ would drop it and the row would be marked sent.
        await broker.Deployed.WaitAsync(stoppingToken);
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            int relayed;
            try
            {
                relayed = await RelayBatch(settings, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Outbox relay for {Context} failed; retrying", typeof(TContext).Name);
                relayed = 0;
            }

            if (relayed < settings.BatchSize)
            {
                await signal.WaitAsync(settings.PollInterval, stoppingToken);
            }
        }
    }

    /// <summary>Publishes one batch of unsent messages; returns how many were sent.</summary>
    public async Task<int> RelayBatch(OutboxOptions settings, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var batch = await ClaimBatch(db, settings.BatchSize, cancellationToken);
        if (batch.Count == 0)
        {
            return 0;
        }

        // Publishes are pipelined: awaiting each confirm in turn would cap the relay at one round trip per event.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.PublishTimeout);
        var results = await Task.WhenAll(batch.Select(m => TryPublish(m, timeout.Token)));

        var sent = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            if (results[i] is null)
            {
                batch[i].MarkSent(clock.GetUtcNow());
                sent++;
            }
            else
            {
                batch[i].MarkFailed(results[i]!);
            }
        }

        await db.SaveChangesAsync(CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
        if (sent < batch.Count)
        {
            logger.LogWarning("Outbox relay for {Context}: {Failed} of {Count} events not published yet: {Error}",
                typeof(TContext).Name, batch.Count - sent, batch.Count, results.First(r => r is not null));
        }

        return sent;
    }

    internal static Task<List<OutboxMessage>> ClaimBatch(TContext db, int size, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            return db.Outbox.Where(m => m.SentAt == null).OrderBy(m => m.Sequence).Take(size).ToListAsync(cancellationToken);
        }

        // Table name from the model and a numeric limit: nothing here comes from outside.
        var sql = $"SELECT * FROM {db.QualifiedTable<OutboxMessage>()} "
            + $"WHERE \"SentAt\" IS NULL ORDER BY \"Sequence\" LIMIT {size} FOR UPDATE SKIP LOCKED";
        return db.Outbox.FromSqlRaw(sql).ToListAsync(cancellationToken);
    }

    private async Task<string?> TryPublish(OutboxMessage message, CancellationToken cancellationToken)
    {
        try
        {
            var type = topology.EventType(message.MessageType)
                ?? throw new InvalidOperationException($"Unknown event type {message.MessageType}");
            var body = System.Text.Json.JsonSerializer.Deserialize(message.Body, type, MessageJson.Options)!;
            await bus.Publish(body, type, context => context.MessageId = message.MessageId, cancellationToken);
            return null;
        }
        catch (Exception ex)
        {
            return ex.GetBaseException().Message;
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
