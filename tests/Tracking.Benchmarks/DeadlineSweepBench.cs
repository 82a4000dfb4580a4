using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using RabbitMQ.Client;
using Tracking.Scheduling;
using Tracking.ServiceDefaults.Hosting;
using Tracking.Messaging.Bus;
using Tracking.Messaging.Topology;

namespace Tracking.Benchmarks;

public sealed record SweepRun(int Open, int Due, double Seconds, double SweepSeconds, int Raised, long Published, long OnQueue);

public sealed record HangfireRun(int Jobs, double Seconds, double EnqueueSeconds);

/// <summary>
/// N open deadlines, of which D fell due in the same minute, seeded straight into the scheduling schema; the time from
/// calling DeadlineSweep.RunOnce() (hosted in this process with the scheduling service's own registrations, its
/// Hangfire server left out so nothing else sweeps) until every DeadlineMissed is in the outbox, marked sent by the
/// relay and counted on a queue bound to the event's exchange. Compared with one Hangfire job per due deadline on
/// the same PostgreSQL.
/// </summary>
public static class DeadlineSweepBench
{
    public const string SweepTypeName = "Tracking.Scheduling.Deadlines.DeadlineSweep";

    /// <summary>The sweep, if the scheduling service has one yet: looked up at run time so this program builds either way.</summary>
    public static (Type Type, MethodInfo RunOnce)? FindSweep()
    {
        var type = typeof(SchedulingService).Assembly.GetType(SweepTypeName);
        var runOnce = type?.GetMethod("RunOnce", BindingFlags.Public | BindingFlags.Instance);
        return type is null || runOnce is null || !typeof(Task).IsAssignableFrom(runOnce.ReturnType) ? null : (type, runOnce);
    }

    public static async Task<SweepRun> Sweep(BenchmarkOptions options, Cleanup cleanup, int open, int due)
    {
        var sweep = FindSweep() ?? throw new InvalidOperationException("sweep not built yet");
        var database = await ScratchDatabase.Create(options, cleanup, "sweep");
        var vhost = await ScratchVirtualHost.Create(options, cleanup, "sweep");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production", Args = [] });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tracking:Bus"] = "RabbitMq",
            ["Tracking:Database"] = "PostgreSql",
            ["ConnectionStrings:Tracking"] = database.ConnectionString,
            ["ConnectionStrings:RabbitMq"] = vhost.AmqpUri,
            ["Tracking:Auth:SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["Tracking:DataFolder"] = Path.Combine(Path.GetTempPath(), "tracking-bench-sweep"),
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // The first migration's probe of a missing history table is logged as a failed command: expected, not news.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None);
        builder.AddServiceDefaults();
        builder.AddSchedulingService();
        builder.AddMessageBus(new MessagingTopology(SchedulingService.Queue));

        // Only the benchmark sweeps: no Hangfire server, no minutely recurring job, no announcing of the seeded deadlines.
        foreach (var hosted in builder.Services.Where(d => d.ServiceType == typeof(IHostedService)
                     && (d.ImplementationType?.FullName ?? "") is var name
                     && (name.Contains("Hangfire", StringComparison.Ordinal) || name.Contains("DeadlineSweepSchedule", StringComparison.Ordinal)
                         || name.Contains("OpenDeadlinesAnnouncement", StringComparison.Ordinal))).ToList())
        {
            builder.Services.Remove(hosted);
        }

        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var instance = host.Services.GetRequiredService(sweep.Type);
            var parameters = sweep.RunOnce.GetParameters().Select(p => p.ParameterType == typeof(CancellationToken) ? (object?)CancellationToken.None : null).ToArray();

            // A sweep with nothing due first, as every minute in a running process: EF's model and queries are warm.
            await (Task)sweep.RunOnce.Invoke(instance, parameters)!;
            await Seed(database, open, due);
            var (queueCount, queueChannelDispose) = await BindVerificationQueue(options, vhost);
            await using var verification = queueChannelDispose;

            var clock = Stopwatch.StartNew();
            var task = (Task)sweep.RunOnce.Invoke(instance, parameters)!;
            await task;
            var sweepSeconds = clock.Elapsed.TotalSeconds;
            var raised = RaisedCount(task);

            long published = 0, onQueue = 0;
            var limit = TimeSpan.FromSeconds(Math.Max(120, due / 50.0));
            while (clock.Elapsed < limit)
            {
                published = await database.Scalar(
                    "SELECT count(*) FROM scheduling.outbox_messages WHERE \"MessageType\" LIKE '%DeadlineMissed' AND \"SentAt\" IS NOT NULL");
                onQueue = published >= due ? await queueCount() : 0;
                if (published >= due && onQueue >= due)
                {
                    break;
                }

                await Task.Delay(20);
            }

            var seconds = clock.Elapsed.TotalSeconds;
            if (published < due || onQueue < due)
            {
                throw new TimeoutException($"after {seconds:0} s only {published} of {due} DeadlineMissed were sent ({onQueue} on the queue)");
            }

            return new SweepRun(open, due, seconds, sweepSeconds, raised, published, onQueue);
        }
        finally
        {
            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await host.StopAsync(stopping.Token);
        }
    }

    private static int RaisedCount(Task task)
    {
        var result = task.GetType().GetProperty("Result")?.GetValue(task);
        return result?.GetType().GetProperty("Missed")?.GetValue(result) is int missed ? missed : -1;
    }

    private static async Task Seed(ScratchDatabase database, int open, int due)
    {
        await using var connection = await database.Open();
        var notDue = open - due;
        // The due ones fall due within the minute before now; the rest over the coming year.
        var insert = await SeedSql.Insert(connection, "scheduling", "deadlines", new Dictionary<string, string>
        {
            ["Id"] = "md5('bench-deadline-' || g)::uuid",
            ["Kind"] = "'Response'",
            ["RecommendationId"] = "md5('bench-r' || g)::uuid",
            ["ProviderId"] = "'bench-p' || (g % 1000)",
            ["DueAt"] = $"CASE WHEN g <= {due} THEN date_trunc('minute', now()) - interval '1 minute' + (g % 60000) * interval '1 millisecond' "
                + $"ELSE now() + interval '1 day' + (g % 365) * interval '1 day' END",
            ["DueOn"] = $"CASE WHEN g <= {due} THEN (date_trunc('minute', now()) - interval '1 minute')::date ELSE (now() + interval '1 day' + (g % 365) * interval '1 day')::date END",
            ["Status"] = "'Open'",
            ["CreatedAt"] = "now() - interval '30 days'",
        }, $"FROM generate_series(1, {open.ToString(CultureInfo.InvariantCulture)}) AS g");
        await using (var command = new NpgsqlCommand(insert, connection) { CommandTimeout = 1800 })
        {
            await command.ExecuteNonQueryAsync();
        }

        await using (var analyze = new NpgsqlCommand("ANALYZE scheduling.deadlines", connection) { CommandTimeout = 600 })
        {
            await analyze.ExecuteNonQueryAsync();
        }

        Console.WriteLine($"  seeded {open} open deadlines ({due} due, {notDue} later)");
    }

    /// <summary>A queue bound to the exchange MassTransit publishes DeadlineMissed to, to count what really reached the broker.</summary>
    private static async Task<(Func<Task<long>> Count, IAsyncDisposable Dispose)> BindVerificationQueue(BenchmarkOptions options, ScratchVirtualHost vhost)
    {
        var factory = new ConnectionFactory
        {
            HostName = options.RabbitHost, Port = options.RabbitPort, UserName = options.RabbitUser, Password = options.RabbitPassword,
            VirtualHost = vhost.Name,
        };
        var connection = await factory.CreateConnectionAsync("bench-sweep-verification");
        var channel = await connection.CreateChannelAsync();
        const string exchange = "Tracking.Contracts:DeadlineMissed";
        const string queue = "bench-deadline-missed";
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
        await channel.QueueBindAsync(queue, exchange, "");
        return (async () => (await channel.QueueDeclarePassiveAsync(queue)).MessageCount, new Disposer(channel, connection));
    }

    private sealed class Disposer(IChannel channel, IConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await channel.DisposeAsync();
            await connection.DisposeAsync();
        }
    }

    /// <summary>
    /// The same due deadlines as one Hangfire job each (Hangfire.PostgreSql on the same server), each job marking its
    /// deadline: jobs enqueued first (not timed: that design would have scheduled them long before), then the time
    /// from starting the Hangfire server until every deadline is marked.
    /// </summary>
    public static async Task<HangfireRun> OneJobPerDeadline(BenchmarkOptions options, Cleanup cleanup, int due)
    {
        var database = await ScratchDatabase.Create(options, cleanup, "hangfire");
        await database.Execute("CREATE TABLE bench_deadlines (\"Id\" uuid PRIMARY KEY, \"MissedRaisedAt\" timestamptz NULL)");
        await database.Execute($"INSERT INTO bench_deadlines SELECT md5('bench-deadline-' || g)::uuid, NULL FROM generate_series(1, {due.ToString(CultureInfo.InvariantCulture)}) AS g");
        var storageOptions = new PostgreSqlStorageOptions
        {
            SchemaName = "hangfire",
            PrepareSchemaIfNecessary = true,
            QueuePollInterval = TimeSpan.FromMilliseconds(100),
            EnableLongPolling = true,
        };
        var storage = new PostgreSqlStorage(new NpgsqlConnectionFactory(database.ConnectionString, storageOptions), storageOptions);
        var client = new BackgroundJobClient(storage);
        var ids = new List<Guid>();
        await using (var connection = await database.Open())
        await using (var select = new NpgsqlCommand("SELECT \"Id\" FROM bench_deadlines", connection))
        await using (var reader = await select.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                ids.Add(reader.GetGuid(0));
            }
        }

        var enqueue = Stopwatch.StartNew();
        var connectionString = database.ConnectionString;
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8 }, (id, _) =>
        {
            client.Enqueue(() => HangfireDeadlineJob.MarkMissed(connectionString, id));
            return ValueTask.CompletedTask;
        });
        var enqueueSeconds = enqueue.Elapsed.TotalSeconds;

        var clock = Stopwatch.StartNew();
        using (var server = new BackgroundJobServer(new BackgroundJobServerOptions
        {
            ServerName = $"bench-{Guid.NewGuid():N}",
            WorkerCount = options.HangfireWorkers,
            SchedulePollingInterval = TimeSpan.FromSeconds(1),
        }, storage))
        {
            var limit = TimeSpan.FromSeconds(Math.Max(300, due / 2.0));
            long marked = 0;
            while (clock.Elapsed < limit)
            {
                marked = await database.Scalar("SELECT count(*) FROM bench_deadlines WHERE \"MissedRaisedAt\" IS NOT NULL");
                if (marked >= due)
                {
                    break;
                }

                await Task.Delay(100);
            }

            var seconds = clock.Elapsed.TotalSeconds;
            server.SendStop();
            if (marked < due)
            {
                throw new TimeoutException($"Hangfire marked only {marked} of {due} deadlines in {seconds:0} s");
            }

            return new HangfireRun(due, seconds, enqueueSeconds);
        }
    }
}

/// <summary>The one-job-per-deadline design's job: re-read the deadline and mark it missed, once.</summary>
public static class HangfireDeadlineJob
{
    public static async Task MarkMissed(string connectionString, Guid deadlineId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var update = new NpgsqlCommand("UPDATE bench_deadlines SET \"MissedRaisedAt\" = now() WHERE \"Id\" = $1 AND \"MissedRaisedAt\" IS NULL", connection);
        update.Parameters.Add(new NpgsqlParameter { Value = deadlineId });
        await update.ExecuteNonQueryAsync();
    }
}
