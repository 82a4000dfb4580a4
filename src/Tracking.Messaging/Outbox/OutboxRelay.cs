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

    /// <summary>The retry delay after the broker or the database failed, or some events could not be published.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long the relay sleeps when the outbox is empty and nothing woke it. Every write of this process wakes it
    /// once committed (see <see cref="OutboxSignal{TContext}"/>), so this only bounds how late it notices rows another
    /// instance of the service left behind; an idle process does not ask its database every second.
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
            RelayPass pass;
            try
            {
                pass = await Relay(settings, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Outbox relay for {Context} failed; retrying", typeof(TContext).Name);
                pass = new RelayPass(0, 1);
            }

            if (pass.Failed > 0)
            {
                await signal.WaitAsync(settings.PollInterval, stoppingToken);
            }
            else if (pass.Sent < settings.BatchSize)
            {
                await signal.WaitAsync(settings.IdleInterval, stoppingToken);
            }
        }
    }

    /// <summary>Publishes one batch of unsent messages; returns how many were sent.</summary>
    public async Task<int> RelayBatch(OutboxOptions settings, CancellationToken cancellationToken) =>
        (await Relay(settings, cancellationToken)).Sent;

    /// <summary>
    /// One batch: claimed, published with confirms (pipelined), and marked in one statement for those sent (one per
    /// distinct error for the rest), all in the claiming transaction: three round trips however many events.
    /// </summary>
    private async Task<RelayPass> Relay(OutboxOptions settings, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var batch = await ClaimBatch(db, settings.BatchSize, cancellationToken);
        if (batch.Count == 0)
        {
            return new RelayPass(0, 0);
        }

        // Publishes are pipelined: awaiting each confirm in turn would cap the relay at one round trip per event.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.PublishTimeout);
        var results = await Task.WhenAll(batch.Select(m => TryPublish(m, timeout.Token)));

        var sent = batch.Where((_, i) => results[i] is null).Select(m => m.Sequence).ToList();
        var sentAt = clock.GetUtcNow().UtcDateTime;
        if (sent.Count > 0)
        {
            await db.Outbox.Where(m => sent.Contains(m.Sequence)).ExecuteUpdateAsync(set => set
                .SetProperty(m => m.SentAt, sentAt)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                .SetProperty(m => m.LastError, (string?)null), CancellationToken.None);
        }

        foreach (var failed in batch.Select((m, i) => (m.Sequence, Error: results[i])).Where(r => r.Error is not null).GroupBy(r => r.Error!))
        {
            var sequences = failed.Select(f => f.Sequence).ToList();
            var error = failed.Key.Length > 2000 ? failed.Key[..2000] : failed.Key;
            await db.Outbox.Where(m => sequences.Contains(m.Sequence)).ExecuteUpdateAsync(set => set
                .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                .SetProperty(m => m.LastError, error), CancellationToken.None);
        }

        await transaction.CommitAsync(CancellationToken.None);
        if (sent.Count < batch.Count)
        {
            logger.LogWarning("Outbox relay for {Context}: {Failed} of {Count} events not published yet: {Error}",
                typeof(TContext).Name, batch.Count - sent.Count, batch.Count, results.First(r => r is not null));
        }

        return new RelayPass(sent.Count, batch.Count - sent.Count);
    }

    private readonly record struct RelayPass(int Sent, int Failed);

    internal static Task<List<OutboxMessage>> ClaimBatch(TContext db, int size, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            return db.Outbox.AsNoTracking().Where(m => m.SentAt == null).OrderBy(m => m.Sequence).Take(size).ToListAsync(cancellationToken);
        }

        // Table name from the model and a numeric limit: nothing here comes from outside.
        var sql = $"SELECT * FROM {db.QualifiedTable<OutboxMessage>()} "
            + $"WHERE \"SentAt\" IS NULL ORDER BY \"Sequence\" LIMIT {size} FOR UPDATE SKIP LOCKED";
        return db.Outbox.FromSqlRaw(sql).AsNoTracking().ToListAsync(cancellationToken);
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
