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

    /// <summary>The retry delay after a batch the broker did not take (all or part of it).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long an idle relay sleeps when nothing woke it. Every save that writes an event wakes this process's relay
    /// at once, so this only bounds how late a row written elsewhere (another instance that died before relaying it) is
    /// picked up; an idle process then asks its database once per interval instead of every second.
    /// </summary>
    public TimeSpan IdleInterval { get; set; } = TimeSpan.FromSeconds(30);

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
            TimeSpan? wait;
            try
            {
                var (claimed, sent) = await RelayBatch(settings, stoppingToken);
                wait = sent < claimed ? settings.PollInterval
                    : claimed < settings.BatchSize ? settings.IdleInterval
                    : null;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Outbox relay for {Context} failed; retrying", typeof(TContext).Name);
                wait = settings.PollInterval;
            }

            if (wait is { } interval)
            {
                await signal.WaitAsync(interval, clock, stoppingToken);
            }
        }
    }

    /// <summary>Publishes one batch of unsent messages; returns how many it claimed and how many of those were sent.</summary>
    public async Task<(int Claimed, int Sent)> RelayBatch(OutboxOptions settings, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var batch = await ClaimBatch(db, settings.BatchSize, cancellationToken);
        if (batch.Count == 0)
        {
            return (0, 0);
        }

        // Publishes are pipelined: awaiting each confirm in turn would cap the relay at one round trip per event.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.PublishTimeout);
        var results = await Task.WhenAll(batch.Select(m => TryPublish(m, timeout.Token)));

        var sent = new List<long>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            if (results[i] is null)
            {
                sent.Add(batch[i].Sequence);
            }
            else
            {
                batch[i].MarkFailed(results[i]!);
            }
        }

        // Every published row marked in one statement, not one UPDATE (and a savepoint) per event.
        var sentAt = clock.GetUtcNow().UtcDateTime;
        if (sent.Count > 0)
        {
            await db.Outbox.Where(m => sent.Contains(m.Sequence)).ExecuteUpdateAsync(set => set
                .SetProperty(m => m.SentAt, sentAt)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                .SetProperty(m => m.LastError, (string?)null), CancellationToken.None);
        }
        if (sent.Count < batch.Count)
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }

        await transaction.CommitAsync(CancellationToken.None);
        if (sent.Count < batch.Count)
        {
            logger.LogWarning("Outbox relay for {Context}: {Failed} of {Count} events not published yet: {Error}",
                typeof(TContext).Name, batch.Count - sent.Count, batch.Count, results.First(r => r is not null));
        }

        return (batch.Count, sent.Count);
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
