using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Diagnostics;
using Npgsql;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Tracking.Benchmarks;

public sealed record RawSubmissionResult(double Throughput, long Submitted, double P99, double CpuMsPerSubmission, CpuSpent Cpu);

/// <summary>
/// Goal 1's baseline: only what an evidence submission must durably do, written by hand with Npgsql and
/// RabbitMQ.Client. W workers each loop: one transaction inserting the evidence, its history line and its outbox
/// row; a persistent publish awaiting its confirm. Two consumers (standing for planning and scheduling) each write
/// their inbox row and read-model row in one transaction, then ack. No HTTP, no EF, no MassTransit.
/// </summary>
public static class RawSubmission
{
    private const string Exchange = "evidence-submitted";
    private static readonly string[] Consumers = ["planning", "scheduling"];

    public static async Task<RawSubmissionResult> Run(BenchmarkOptions options, Cleanup cleanup)
    {
        var database = await ScratchDatabase.Create(options, cleanup, "raw");
        await database.Execute("""
            CREATE TABLE evidence (id uuid PRIMARY KEY, recommendation_id uuid NOT NULL, narrative text NOT NULL, effective_date date NOT NULL, submitted_at timestamptz NOT NULL);
            CREATE TABLE history (id uuid PRIMARY KEY, recommendation_id uuid NOT NULL, sequence int NOT NULL, what text NOT NULL, at timestamptz NOT NULL, UNIQUE (recommendation_id, sequence));
            CREATE TABLE outbox (sequence bigserial PRIMARY KEY, message_id uuid NOT NULL UNIQUE, type text NOT NULL, body text NOT NULL, occurred_at timestamptz NOT NULL, sent_at timestamptz);
            CREATE TABLE inbox_planning (message_id uuid PRIMARY KEY, received_at timestamptz NOT NULL);
            CREATE TABLE inbox_scheduling (message_id uuid PRIMARY KEY, received_at timestamptz NOT NULL);
            CREATE TABLE read_planning (recommendation_id uuid PRIMARY KEY, version int NOT NULL, evidence int NOT NULL);
            CREATE TABLE read_scheduling (recommendation_id uuid PRIMARY KEY, version int NOT NULL, evidence int NOT NULL);
            """);
        var vhost = await ScratchVirtualHost.Create(options, cleanup, "raw");
        await using var data = new NpgsqlDataSourceBuilder(new NpgsqlConnectionStringBuilder(database.ConnectionString)
        {
            MaxPoolSize = options.Workers * 2 + 16,
            NoResetOnClose = true,
        }.ConnectionString).Build();
        var factory = new ConnectionFactory
        {
            HostName = options.RabbitHost,
            Port = options.RabbitPort,
            UserName = options.RabbitUser,
            Password = options.RabbitPassword,
            VirtualHost = vhost.Name,
            ConsumerDispatchConcurrency = 8,
        };

        await using var publishing = await factory.CreateConnectionAsync("raw-publishers");
        await using (var setup = await publishing.CreateChannelAsync())
        {
            await setup.ExchangeDeclareAsync(Exchange, ExchangeType.Fanout, durable: true);
            foreach (var queue in Consumers)
            {
                await setup.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
                await setup.QueueBindAsync(queue, Exchange, "");
            }
        }

        // Consumers: inbox row + read-model row in one transaction, then ack.
        var applied = new long[Consumers.Length];
        var latencies = new ConcurrentBag<double>();
        var consuming = new List<IConnection>();
        for (var c = 0; c < Consumers.Length; c++)
        {
            var which = c;
            var name = Consumers[c];
            var connection = await factory.CreateConnectionAsync($"raw-{name}");
            consuming.Add(connection);
            var channel = await connection.CreateChannelAsync();
            await channel.BasicQosAsync(0, 64, false);
            var consumer = new AsyncEventingBasicConsumer(channel);
            consumer.ReceivedAsync += async (_, delivery) =>
            {
                var body = delivery.Body.Span;
                var messageId = new Guid(body[..16]);
                var recommendationId = new Guid(body[16..32]);
                var version = BinaryPrimitives.ReadInt32LittleEndian(body[32..36]);
                var publishedAt = BinaryPrimitives.ReadInt64LittleEndian(body[36..44]);
                await using (var db = await data.OpenConnectionAsync())
                await using (var transaction = await db.BeginTransactionAsync())
                {
                    await using var batch = new NpgsqlBatch(db, transaction)
                    {
                        BatchCommands =
                        {
                            new NpgsqlBatchCommand($"INSERT INTO inbox_{name} (message_id, received_at) VALUES ($1, now())") { Parameters = { new() { Value = messageId } } },
                            new NpgsqlBatchCommand($"""
                                INSERT INTO read_{name} (recommendation_id, version, evidence) VALUES ($1, $2, 1)
                                ON CONFLICT (recommendation_id) DO UPDATE SET version = excluded.version, evidence = read_{name}.evidence + 1
                                WHERE read_{name}.version < excluded.version
                                """) { Parameters = { new() { Value = recommendationId }, new() { Value = version } } },
                        },
                    };
                    await batch.ExecuteNonQueryAsync();
                    await transaction.CommitAsync();
                }

                await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
                Interlocked.Increment(ref applied[which]);
                if (which == 0)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(publishedAt).TotalMilliseconds);
                }
            };
            await channel.BasicConsumeAsync(name, autoAck: false, consumer);
        }

        Console.WriteLine($"  raw same-shape submission: {options.Workers} workers for {options.DurationSeconds} s…");
        var pids = new Dictionary<string, int>();
        var before = CpuSnapshot.Take(pids, database.Name, self: true);
        var stop = new CancellationTokenSource();
        long submitted = 0;
        var narrative = new string('n', 80);
        var workers = Enumerable.Range(0, options.Workers).Select(w => Task.Run(async () =>
        {
            await using var channel = await publishing.CreateChannelAsync(new CreateChannelOptions(
                publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
            var properties = new BasicProperties { Persistent = true, ContentType = "application/octet-stream" };
            var recommendationId = Guid.NewGuid();
            for (var version = 1; !stop.IsCancellationRequested; version++)
            {
                var messageId = Guid.NewGuid();
                await using (var db = await data.OpenConnectionAsync())
                await using (var transaction = await db.BeginTransactionAsync())
                {
                    await using var batch = new NpgsqlBatch(db, transaction)
                    {
                        BatchCommands =
                        {
                            new NpgsqlBatchCommand("INSERT INTO evidence VALUES ($1, $2, $3, current_date - 1, now())")
                            {
                                Parameters = { new() { Value = Guid.CreateVersion7() }, new() { Value = recommendationId }, new() { Value = narrative } },
                            },
                            new NpgsqlBatchCommand("INSERT INTO history VALUES ($1, $2, $3, $4, now())")
                            {
                                Parameters = { new() { Value = Guid.CreateVersion7() }, new() { Value = recommendationId }, new() { Value = version }, new() { Value = "Submitted evidence" } },
                            },
                            new NpgsqlBatchCommand("INSERT INTO outbox (message_id, type, body, occurred_at) VALUES ($1, 'EvidenceSubmitted', $2, now())")
                            {
                                Parameters = { new() { Value = messageId }, new() { Value = narrative } },
                            },
                        },
                    };
                    await batch.ExecuteNonQueryAsync();
                    await transaction.CommitAsync();
                }

                var body = new byte[300];
                messageId.TryWriteBytes(body.AsSpan(0, 16));
                recommendationId.TryWriteBytes(body.AsSpan(16, 16));
                BinaryPrimitives.WriteInt32LittleEndian(body.AsSpan(32), version);
                BinaryPrimitives.WriteInt64LittleEndian(body.AsSpan(36), Stopwatch.GetTimestamp());
                await channel.BasicPublishAsync(Exchange, "", mandatory: false, properties, body);
                Interlocked.Increment(ref submitted);
            }
        })).ToList();
        var clock = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(options.DurationSeconds));
        var inWindow = Interlocked.Read(ref submitted);
        var seconds = clock.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await Task.WhenAll(workers);
        var total = Interlocked.Read(ref submitted);
        var drain = Stopwatch.StartNew();
        while (Enumerable.Range(0, applied.Length).Any(i => Volatile.Read(ref applied[i]) < total) && drain.Elapsed < TimeSpan.FromSeconds(120))
        {
            await Task.Delay(10);
        }

        var after = CpuSnapshot.Take(pids, database.Name, self: true);
        foreach (var connection in consuming)
        {
            await connection.DisposeAsync();
        }

        if (applied.Any(a => a < total))
        {
            throw new InvalidOperationException($"Raw baseline: {total} published but the consumers applied {string.Join(" and ", applied)}.");
        }

        var cpu = CpuSnapshot.Between(before, after);
        return new RawSubmissionResult(inWindow / seconds, total, Stats.Percentile(latencies.ToArray(), 99), cpu.TotalMs / total, cpu);
    }
}
