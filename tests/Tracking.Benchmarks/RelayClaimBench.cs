using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Tracking.Messaging.Outbox;
using Tracking.Scheduling.Data;

namespace Tracking.Benchmarks;

public sealed record RelayClaimRun(int SentRows, double KeptMedianMs, double KeptP95Ms, double ArchivedMedianMs, double ArchivedP95Ms, double ArchiveSeconds, int Archived);

/// <summary>
/// The relay's claim (its own query, FOR UPDATE SKIP LOCKED, 200 rows) on a scheduling outbox holding N sent rows a
/// month old and 200 unsent: timed with every sent row still in the outbox, then again after the archiver moved them
/// to outbox_archive. The archiver's own run time is reported too.
/// </summary>
public static class RelayClaimBench
{
    private const int Unsent = 200;
    private const int Samples = 30;

    public static async Task<RelayClaimRun> Run(BenchmarkOptions options, Cleanup cleanup, int sentRows)
    {
        var database = await ScratchDatabase.Create(options, cleanup, "relay");
        await using var services = new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton(TimeProvider.System)
            .Configure<OutboxOptions>(o => o.ArchiveBatchSize = 5000)
            .AddDbContext<SchedulingDbContext, SchedulingPostgresDbContext>(o => o.UseNpgsql(database.ConnectionString,
                npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory", SchedulingDbContext.ServiceName)))
            .AddSingleton<OutboxArchive<SchedulingDbContext>>()
            .BuildServiceProvider();
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SchedulingDbContext>().Database.MigrateAsync();
        }

        await Seed(database.ConnectionString, sentRows);
        var kept = await TimeClaims(services);
        var timer = Stopwatch.StartNew();
        var archived = await services.GetRequiredService<OutboxArchive<SchedulingDbContext>>().ArchiveAll(CancellationToken.None);
        var archiveSeconds = timer.Elapsed.TotalSeconds;
        await Analyze(database.ConnectionString);
        var afterArchive = await TimeClaims(services);
        return new RelayClaimRun(sentRows, kept.Median, kept.P95, afterArchive.Median, afterArchive.P95, archiveSeconds, archived);
    }

    private static async Task Seed(string connectionString, int sentRows)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var sql = $$"""
            INSERT INTO scheduling.outbox_messages ("MessageId", "MessageType", "Body", "OccurredAt", "SentAt", "Attempts")
            SELECT gen_random_uuid(), 'Tracking.Contracts.DeadlineApproaching', '{"deadlineId":"00000000-0000-0000-0000-000000000000","daysBefore":7}',
                   now() - interval '31 days', now() - interval '30 days', 1
            FROM generate_series(1, {{sentRows}});
            INSERT INTO scheduling.outbox_messages ("MessageId", "MessageType", "Body", "OccurredAt", "SentAt", "Attempts")
            SELECT gen_random_uuid(), 'Tracking.Contracts.DeadlineApproaching', '{}', now(), NULL, 0 FROM generate_series(1, {{Unsent}});
            """;
        await using var seed = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await seed.ExecuteNonQueryAsync();
        await Analyze(connectionString);
    }

    private static async Task Analyze(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var table in new[] { "scheduling.outbox_messages", "scheduling.outbox_archive" })
        {
            // One statement per command: VACUUM refuses to run inside a multi-statement batch.
            await using var analyze = new NpgsqlCommand($"VACUUM ANALYZE {table}", connection) { CommandTimeout = 0 };
            await analyze.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Median and p95 of the claim, each in its own transaction rolled back, as an idle relay would find it.</summary>
    private static async Task<(double Median, double P95)> TimeClaims(IServiceProvider services)
    {
        var times = new List<double>();
        for (var i = 0; i < Samples + 3; i++)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SchedulingDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var timer = Stopwatch.StartNew();
            var batch = await OutboxRelay<SchedulingDbContext>.ClaimBatch(db, 200, CancellationToken.None);
            var elapsed = timer.Elapsed.TotalMilliseconds;
            await transaction.RollbackAsync();
            if (batch.Count != Unsent)
            {
                throw new InvalidOperationException($"claimed {batch.Count} rows, expected {Unsent}");
            }

            // The first few warm EF's model and the connection pool.
            if (i >= 3)
            {
                times.Add(elapsed);
            }
        }

        times.Sort();
        return (times[times.Count / 2], times[(int)Math.Ceiling(times.Count * 0.95) - 1]);
    }
}
