using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Tracking.ServiceDefaults.Security;

namespace Tracking.Benchmarks;

public sealed record PhaseCost(int Requests, double MeanMs, double StatementsPerRequest, double RoundTripsPerRequest, double CommitsPerRequest,
    double CpuMsPerRequest, CpuSpent Cpu);

public sealed record SizeCost(int Items, double SmallGetMs, double LargeGetMs, double SmallPostMs, double LargePostMs,
    double SmallGetStatements, double LargeGetStatements, double SmallGetKilobytes, double LargeGetKilobytes);

public sealed record CostResult(PhaseCost Cold, PhaseCost Warm, double IdleStatementsPerSecondPerProcess, double IdleRoundTripsPerSecondPerProcess,
    int Processes, double IdleSeconds, double IdleCpuMsPerSecond, SizeCost Size);

/// <summary>
/// What one request costs, measured one request at a time on a system whose PostgreSQL traffic goes through the
/// counting relay: statements, round trips and commits per evidence POST across all three services (each request's
/// consumers included: counted until planning shows it), CPU ms summed over every process, the first 100 requests
/// of fresh processes against 100 warm ones, what idle processes send, and POST/GET on a recommendation with no
/// evidence against one with many.
/// </summary>
public static class CostPerRequest
{
    public static async Task<CostResult> Run(BenchmarkOptions options, DistributedSystem system)
    {
        var sql = system.Sql ?? throw new InvalidOperationException("The cost measure needs the SQL counting relay.");
        var ids = await EndToEnd.Prepare(options, system);
        if (ids.Count < 3)
        {
            throw new InvalidOperationException("The cost measure needs at least three recommendations.");
        }

        var manager = system.Client(system.Recommendations, system.Token(TrackingRoles.ProviderManager, EndToEnd.Provider), 4);
        await using var watcher = await system.Database.Open();
        var small = ids[0];
        var large = ids[1];
        var rotating = ids.Skip(2).ToList();

        Console.WriteLine("  the first 100 evidence POSTs of fresh processes, one at a time…");
        var cold = await Phase(system, sql, watcher, manager, rotating, 100, (0, 0, 0, 0));
        Console.WriteLine($"  warming up ({options.CostWarmup} more)…");
        await Phase(system, sql, watcher, manager, rotating, options.CostWarmup, (0, 0, 0, 0));

        Console.WriteLine($"  idle for {options.IdleSeconds} s…");
        await Task.Delay(TimeSpan.FromSeconds(1));
        var idleStart = sql.Counts;
        var idleCpuStart = CpuSnapshot.Take(system.Pids, system.Database.Name, exclude: system.NotOurs);
        var idleClock = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(options.IdleSeconds));
        var idle = sql.Counts - idleStart;
        var idleSeconds = idleClock.Elapsed.TotalSeconds;
        var idleCpu = CpuSnapshot.Between(idleCpuStart, CpuSnapshot.Take(system.Pids, system.Database.Name, exclude: system.NotOurs));
        var processes = system.Services.Count;
        var idleStatements = idle.Statements / idleSeconds;
        var idleRoundTrips = idle.RoundTrips / idleSeconds;

        Console.WriteLine("  100 warm evidence POSTs, one at a time…");
        var warm = await Phase(system, sql, watcher, manager, rotating, 100, (idleStatements, idleRoundTrips, idle.Commits / idleSeconds, idleCpu.TotalMs / idleSeconds));

        Console.WriteLine($"  {options.SizeItems} evidence items on one recommendation, none on another: GET and POST on each…");
        var size = await Size(options, system, sql, manager, small, large, idleStatements);
        return new CostResult(cold, warm, idleStatements / processes, idleRoundTrips / processes, processes, idleSeconds, idleCpu.TotalMs / idleSeconds, size);
    }

    private static async Task<PhaseCost> Phase(DistributedSystem system, SqlCountingProxy sql, NpgsqlConnection watcher, HttpClient manager,
        List<Guid> ids, int requests, (double Statements, double RoundTrips, double Commits, double CpuMs) idle)
    {
        var cpuBefore = CpuSnapshot.Take(system.Pids, system.Database.Name, exclude: system.NotOurs);
        var countsBefore = sql.Counts;
        var clock = Stopwatch.StartNew();
        var latencies = new List<double>();
        var last = new Dictionary<Guid, int>();
        for (var n = 0; n < requests; n++)
        {
            var id = ids[n % ids.Count];
            var started = Stopwatch.GetTimestamp();
            using var response = await PostEvidence(manager, id, n);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            last[id] = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();
        }

        // A request's cost includes what its event costs the consumers: wait until planning shows every change.
        var settle = Stopwatch.StartNew();
        while (!await Shows(watcher, last))
        {
            if (settle.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException("Planning did not show the evidence within 60 s.");
            }

            await Task.Delay(5);
        }

        // Scheduling applies the same events alongside planning; give it a moment beyond planning's last row.
        await Task.Delay(200);
        var elapsed = clock.Elapsed.TotalSeconds;
        var counts = sql.Counts - countsBefore;
        var cpu = CpuSnapshot.Between(cpuBefore, CpuSnapshot.Take(system.Pids, system.Database.Name, exclude: system.NotOurs));
        return new PhaseCost(requests, latencies.Average(),
            (counts.Statements - idle.Statements * elapsed) / requests,
            (counts.RoundTrips - idle.RoundTrips * elapsed) / requests,
            (counts.Commits - idle.Commits * elapsed) / requests, (cpu.TotalMs - idle.CpuMs * elapsed) / requests, cpu);
    }

    private static async Task<SizeCost> Size(BenchmarkOptions options, DistributedSystem system, SqlCountingProxy sql, HttpClient manager, Guid small, Guid large,
        double idleStatementsPerSecond)
    {
        using (var first = await PostEvidence(manager, large, 0))
        {
            var evidenceId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("evidence")[0].GetProperty("id").GetGuid();
            await Clone(system.Database, evidenceId, options.SizeItems - 1);
        }

        // Let the consumers finish with that POST, so the GETs' statements are theirs alone.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var samples = options.SizeSamples;
        var getSmall = new List<double>();
        var getLarge = new List<double>();
        double smallStatements = 0, largeStatements = 0, smallBytes = 0, largeBytes = 0;
        for (var n = 0; n < samples + 3; n++)
        {
            // Alternating, so both sides see the same machine; the first three rounds warm the queries up.
            foreach (var (id, times, isLarge) in new[] { (small, getSmall, false), (large, getLarge, true) })
            {
                var before = sql.Counts;
                var started = Stopwatch.GetTimestamp();
                var body = await manager.GetByteArrayAsync($"api/recommendations/{id}");
                var elapsed = Stopwatch.GetElapsedTime(started);
                if (n >= 3)
                {
                    times.Add(elapsed.TotalMilliseconds);
                    var statements = (sql.Counts - before).Statements - idleStatementsPerSecond * elapsed.TotalSeconds;
                    if (isLarge)
                    {
                        largeStatements += statements;
                        largeBytes += body.Length;
                    }
                    else
                    {
                        smallStatements += statements;
                        smallBytes += body.Length;
                    }
                }
            }
        }

        var postSmall = new List<double>();
        var postLarge = new List<double>();
        for (var n = 0; n < samples + 3; n++)
        {
            foreach (var (id, times) in new[] { (small, postSmall), (large, postLarge) })
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await PostEvidence(manager, id, n);
                if (n >= 3)
                {
                    times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }
        }

        return new SizeCost(options.SizeItems, Stats.Median(getSmall), Stats.Median(getLarge), Stats.Median(postSmall), Stats.Median(postLarge),
            smallStatements / samples, largeStatements / samples, smallBytes / samples / 1024, largeBytes / samples / 1024);
    }

    private static async Task<HttpResponseMessage> PostEvidence(HttpClient manager, Guid id, int n)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent($"Cost measure evidence {n}: audits show the change has taken effect."), "narrative" },
            { new StringContent(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), "effectiveDate" },
        };
        var response = await manager.PostAsync($"api/recommendations/{id}/evidence", form);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Evidence POST answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return response;
    }

    /// <summary>Copies one evidence row many times over (same recommendation, new ids): a large recommendation without thousands of requests.</summary>
    private static async Task Clone(ScratchDatabase database, Guid evidenceId, int copies)
    {
        await using var connection = await database.Open();
        var columns = new List<string>();
        await using (var read = new NpgsqlCommand(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = 'recommendations' AND table_name = 'evidence_submissions' AND column_name <> 'Id' ORDER BY ordinal_position",
            connection))
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                columns.Add($"\"{reader.GetString(0)}\"");
            }
        }

        var list = string.Join(", ", columns);
        await using var clone = new NpgsqlCommand(
            $"INSERT INTO recommendations.evidence_submissions (\"Id\", {list}) SELECT gen_random_uuid(), {list} FROM recommendations.evidence_submissions, generate_series(1, $2) WHERE \"Id\" = $1",
            connection);
        clone.Parameters.Add(new NpgsqlParameter { Value = evidenceId });
        clone.Parameters.Add(new NpgsqlParameter { Value = copies });
        await clone.ExecuteNonQueryAsync();
    }

    private static async Task<bool> Shows(NpgsqlConnection connection, Dictionary<Guid, int> versions)
    {
        await using var command = new NpgsqlCommand("SELECT \"RecommendationId\", \"Version\" FROM planning.outstanding_recommendations WHERE \"RecommendationId\" = ANY($1)", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = versions.Keys.ToArray() });
        await using var reader = await command.ExecuteReaderAsync();
        var seen = 0;
        while (await reader.ReadAsync())
        {
            if (reader.GetInt32(1) >= versions[reader.GetGuid(0)])
            {
                seen++;
            }
        }

        return seen == versions.Count;
    }
}
