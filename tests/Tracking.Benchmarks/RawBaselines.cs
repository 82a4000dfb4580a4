using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Tracking.Benchmarks;

/// <summary>The ceilings: what PostgreSQL and RabbitMQ do on this machine with nothing of ours in between.</summary>
public static class RawBaselines
{
    /// <summary>Single-row autocommit inserts/s: W workers, each holding one connection with a prepared insert.</summary>
    public static async Task<double> PostgresInserts(BenchmarkOptions options, Cleanup cleanup)
    {
        var database = await ScratchDatabase.Create(options, cleanup, "pg");
        await database.Execute("CREATE TABLE scratch (id bigserial PRIMARY KEY, worker int NOT NULL, payload text NOT NULL, created timestamptz NOT NULL DEFAULT now())");
        var payload = new string('x', 200);
        var stop = new CancellationTokenSource();
        var ready = new Barrier(options.Workers + 1);
        var counts = new long[options.Workers];
        var workers = Enumerable.Range(0, options.Workers).Select(w => Task.Run(async () =>
        {
            await using var connection = await database.Open();
            await using var insert = new NpgsqlCommand("INSERT INTO scratch (worker, payload) VALUES ($1, $2)", connection);
            insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = w });
            insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = payload });
            await insert.PrepareAsync();
            ready.SignalAndWait();
            while (!stop.IsCancellationRequested)
            {
                await insert.ExecuteNonQueryAsync();
                counts[w]++;
            }
        })).ToList();
        ready.SignalAndWait();
        var clock = Stopwatch.StartNew();
        stop.CancelAfter(TimeSpan.FromSeconds(options.DurationSeconds));
        await Task.WhenAll(workers);
        var elapsed = clock.Elapsed.TotalSeconds;
        var committed = await database.Scalar("SELECT count(*) FROM scratch");
        if (committed != counts.Sum())
        {
            throw new InvalidOperationException($"PostgreSQL baseline counted {counts.Sum()} inserts but the table holds {committed}.");
        }

        return committed / elapsed;
    }

    /// <summary>
    /// Persistent 300-byte publishes with confirms, pipelined (up to 256 awaiting their confirm), through one classic
    /// durable queue to one consumer with prefetch 200 acking each message: messages/s from first publish to last ack.
    /// </summary>
    public static async Task<double> RabbitMqPublishConsume(BenchmarkOptions options, Cleanup cleanup)
    {
        var vhost = await ScratchVirtualHost.Create(options, cleanup, "mq");
        var factory = new ConnectionFactory
        {
            HostName = options.RabbitHost,
            Port = options.RabbitPort,
            UserName = options.RabbitUser,
            Password = options.RabbitPassword,
            VirtualHost = vhost.Name,
        };
        const string queue = "baseline";
        await using var publisherConnection = await factory.CreateConnectionAsync("bench-publisher");
        await using var consumerConnection = await factory.CreateConnectionAsync("bench-consumer");
        await using var publisher = await publisherConnection.CreateChannelAsync(new CreateChannelOptions(
            publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true, outstandingPublisherConfirmationsRateLimiter: null));
        await using var consumerChannel = await consumerConnection.CreateChannelAsync();
        await publisher.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
        await consumerChannel.BasicQosAsync(0, 200, false);

        long consumed = 0;
        var lastAck = Stopwatch.StartNew();
        var lastAckAt = TimeSpan.Zero;
        var consumer = new AsyncEventingBasicConsumer(consumerChannel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            await consumerChannel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
            Interlocked.Increment(ref consumed);
            lastAckAt = lastAck.Elapsed;
        };
        await consumerChannel.BasicConsumeAsync(queue, autoAck: false, consumer);

        var body = new byte[300];
        Random.Shared.NextBytes(body);
        var properties = new BasicProperties { Persistent = true, ContentType = "application/octet-stream" };
        var outstanding = new SemaphoreSlim(256, 256);
        long published = 0, failed = 0;
        var inFlight = new List<Task>();
        var clock = Stopwatch.StartNew();
        lastAck.Restart();
        var until = TimeSpan.FromSeconds(options.DurationSeconds);
        while (clock.Elapsed < until)
        {
            await outstanding.WaitAsync();
            var publish = publisher.BasicPublishAsync("", queue, mandatory: false, properties, body).AsTask();
            inFlight.Add(publish.ContinueWith(t =>
            {
                if (t.IsCompletedSuccessfully)
                {
                    Interlocked.Increment(ref published);
                }
                else
                {
                    Interlocked.Increment(ref failed);
                }

                outstanding.Release();
            }, TaskScheduler.Default));
            if (inFlight.Count >= 4096)
            {
                inFlight.RemoveAll(t => t.IsCompleted);
            }
        }

        await Task.WhenAll(inFlight);
        var drainBy = Stopwatch.StartNew();
        while (Interlocked.Read(ref consumed) < published && drainBy.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(10);
        }

        if (failed > 0 || consumed < published)
        {
            throw new InvalidOperationException($"RabbitMQ baseline: {published} confirmed, {failed} failed, {consumed} consumed.");
        }

        return consumed / lastAckAt.TotalSeconds;
    }
}
