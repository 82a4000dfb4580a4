using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Tracking.ServiceDefaults.Security;

namespace Tracking.Benchmarks;

public sealed record EndToEndResult(
    double Throughput, int Accepted, int Conflicts, int Errors, double P50, double P95, double P99, int Visible, int NeverVisible, double Seconds,
    CpuSpent Cpu)
{
    /// <summary>CPU ms of every process (services, their PostgreSQL backends and helpers, the broker) per accepted submission.</summary>
    public double CpuMsPerSubmission => Cpu.TotalMs / Accepted;
}

/// <summary>
/// Evidence POSTs (narrative and effective date, no file) from W closed-loop workers for a fixed time, each worker on
/// recommendations of its own; the latency is from the 2xx to the row in planning.outstanding_recommendations
/// reaching the version the 2xx reported (read straight from PostgreSQL every few milliseconds).
/// </summary>
public static class EndToEnd
{
    public const string Provider = "northumbria-crc";

    /// <summary>The recommendations the load goes to, each responded to and visible in planning.</summary>
    public static async Task<List<Guid>> Prepare(BenchmarkOptions options, DistributedSystem system)
    {
        var inspector = system.Client(system.Recommendations, system.Token(TrackingRoles.Inspector));
        var manager = system.Client(system.Recommendations, system.Token(TrackingRoles.ProviderManager, Provider), options.Workers * 2);
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);

        var ids = await Recommendations(inspector);
        if (ids.Count == 0)
        {
            throw new InvalidOperationException("No demo recommendations: the recommendations process did not seed them.");
        }

        for (var inspectionNumber = 1; ids.Count < options.EvidenceRecommendations; inspectionNumber++)
        {
            await RecordAndPublish(inspector, inspectionNumber, Math.Min(100, options.EvidenceRecommendations - ids.Count), yesterday);
            ids = await Recommendations(inspector);
        }

        // Respond so evidence is allowed; the planning row must show that version before the clock starts.
        var expected = new Dictionary<Guid, int>();
        foreach (var id in ids)
        {
            using var response = await manager.PutAsJsonAsync($"api/recommendations/{id}/response", new { response = "Agreed" });
            response.EnsureSuccessStatusCode();
            expected[id] = await Version(response);
        }

        await using (var planning = await system.Database.Open())
        {
            var settled = Stopwatch.StartNew();
            while (true)
            {
                var rows = await PlanningVersions(planning);
                if (expected.All(e => rows.TryGetValue(e.Key, out var v) && v >= e.Value))
                {
                    break;
                }

                if (settled.Elapsed > TimeSpan.FromSeconds(120))
                {
                    throw new TimeoutException("Planning did not show the providers' responses within 120 s.");
                }

                await Task.Delay(50);
            }
        }

        return ids;
    }

    /// <param name="ratePerSecond">Paced (open loop) at this rate over all workers instead of as fast as they can.</param>
    public static async Task<EndToEndResult> Run(BenchmarkOptions options, DistributedSystem system, List<Guid> ids, double? ratePerSecond = null)
    {
        var manager = system.Client(system.Recommendations, system.Token(TrackingRoles.ProviderManager, Provider), options.Workers * 2);
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        Console.WriteLine($"  {ids.Count} recommendations; posting evidence with {options.Workers} workers{(ratePerSecond is { } r ? $" paced at {r:0}/s" : "")}: {options.WarmupSeconds} s warm-up, then {options.DurationSeconds} s measured…");
        var interval = ratePerSecond is { } rate ? Stopwatch.Frequency / rate : 0;
        long nextSlot = Stopwatch.GetTimestamp();
        var pending = ids.ToDictionary(id => id, _ => new ConcurrentQueue<(int Version, long At, bool Measured)>());
        var latencies = new ConcurrentBag<double>();
        int accepted = 0, conflicts = 0, errors = 0;
        string? firstError = null;
        using var stopLoad = new CancellationTokenSource();
        using var stopPolling = new CancellationTokenSource();
        // The watcher's own PostgreSQL backend is the benchmark's cost, not the system's: left out of the CPU sum.
        await using var watcher = await system.Database.Open();
        await using (var pid = new NpgsqlCommand("SELECT pg_backend_pid()", watcher))
        {
            system.NotOurs.Add(Convert.ToInt32(await pid.ExecuteScalarAsync(), CultureInfo.InvariantCulture));
        }

        var poller = Task.Run(() => Poll(watcher, pending, latencies, stopPolling.Token));
        var date = yesterday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        // Warm-up first (JIT, connection pools, EF query caches in the fresh processes): its requests are not counted.
        var measuring = false;
        var workers = Enumerable.Range(0, options.Workers).Select(w => Task.Run(async () =>
        {
            var mine = ids.Where((_, i) => i % options.Workers == w).ToList();
            if (mine.Count == 0)
            {
                mine = [ids[w % ids.Count]];
            }

            for (var n = 0; !stopLoad.IsCancellationRequested; n++)
            {
                var id = mine[n % mine.Count];
                if (interval > 0)
                {
                    // Open loop: each request takes the next slot of a shared schedule, so a slow answer does not lower the rate.
                    var slot = (long)(Interlocked.Add(ref nextSlot, (long)interval) - interval);
                    var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), slot);
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait, CancellationToken.None);
                    }
                }

                using var form = new MultipartFormDataContent
                {
                    { new StringContent($"Benchmark evidence {n} from worker {w}: audits show the change has taken effect."), "narrative" },
                    { new StringContent(date), "effectiveDate" },
                };
                try
                {
                    using var response = await manager.PostAsync($"api/recommendations/{id}/evidence", form);
                    if (response.IsSuccessStatusCode)
                    {
                        var version = await Version(response);
                        var counted = Volatile.Read(ref measuring);
                        pending[id].Enqueue((version, Stopwatch.GetTimestamp(), counted));
                        if (counted)
                        {
                            Interlocked.Increment(ref accepted);
                        }
                    }
                    else if (response.StatusCode == HttpStatusCode.Conflict)
                    {
                        Interlocked.Increment(ref conflicts);
                    }
                    else if (Volatile.Read(ref measuring))
                    {
                        Interlocked.Increment(ref errors);
                        firstError ??= $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}";
                    }
                }
                catch (HttpRequestException ex)
                {
                    Interlocked.Increment(ref errors);
                    firstError ??= ex.Message;
                }
            }
        })).ToList();
        await Task.Delay(TimeSpan.FromSeconds(options.WarmupSeconds));
        Volatile.Write(ref measuring, true);
        var cpuBefore = CpuSnapshot.Take(system.Pids, system.Database.Name, exclude: system.NotOurs);
        var clock = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(options.DurationSeconds));
        Volatile.Write(ref measuring, false);
        stopLoad.Cancel();
        await Task.WhenAll(workers);
        var seconds = clock.Elapsed.TotalSeconds;

        // Let planning catch up with everything accepted, then stop watching.
        var drain = Stopwatch.StartNew();
        while (pending.Values.Any(q => !q.IsEmpty) && drain.Elapsed < TimeSpan.FromSeconds(120))
        {
            await Task.Delay(20);
        }

        var cpuAfter = CpuSnapshot.Take(system.Pids, system.Database.Name, exclude: system.NotOurs);
        await stopPolling.CancelAsync();
        await poller;
        if (firstError is not null)
        {
            Console.WriteLine($"  first error response: {firstError[..Math.Min(300, firstError.Length)]}");
        }

        var sample = latencies.ToArray();
        return new EndToEndResult(accepted / options.DurationSeconds, accepted, conflicts, errors,
            Stats.Percentile(sample, 50), Stats.Percentile(sample, 95), Stats.Percentile(sample, 99),
            sample.Length, pending.Values.Sum(q => q.Count), seconds, CpuSnapshot.Between(cpuBefore, cpuAfter));
    }

    private static async Task Poll(NpgsqlConnection connection, Dictionary<Guid, ConcurrentQueue<(int Version, long At, bool Measured)>> pending,
        ConcurrentBag<double> latencies, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var rows = await PlanningVersions(connection);
            var seenAt = Stopwatch.GetTimestamp();
            foreach (var (id, queue) in pending)
            {
                if (!rows.TryGetValue(id, out var version))
                {
                    continue;
                }

                while (queue.TryPeek(out var head) && head.Version <= version && queue.TryDequeue(out head))
                {
                    if (head.Measured)
                    {
                        latencies.Add(Stopwatch.GetElapsedTime(head.At, seenAt).TotalMilliseconds);
                    }
                }
            }

            await Task.Delay(2, CancellationToken.None);
        }
    }

    private static async Task<Dictionary<Guid, int>> PlanningVersions(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("SELECT \"RecommendationId\", \"Version\" FROM planning.outstanding_recommendations WHERE \"ProviderId\" = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = Provider });
        var rows = new Dictionary<Guid, int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows[reader.GetGuid(0)] = reader.GetInt32(1);
        }

        return rows;
    }

    private static async Task<List<Guid>> Recommendations(HttpClient inspector)
    {
        var list = await inspector.GetFromJsonAsync<JsonElement>($"api/recommendations?providerId={Provider}");
        return list.EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ToList();
    }

    private static async Task<int> Version(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("version").GetInt32();
    }

    private static async Task RecordAndPublish(HttpClient inspector, int inspectionNumber, int count, DateOnly publishedOn)
    {
        string[] codes = ["1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2"];
        var request = new
        {
            provider = new { id = Provider, name = "Northumbria Community Rehabilitation Company", region = "North East" },
            title = $"Benchmark inspection {inspectionNumber} of Northumbria CRC",
            fieldworkStartedOn = publishedOn.AddDays(-60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            fieldworkEndedOn = publishedOn.AddDays(-50).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            overallRating = "RequiresImprovement",
            standards = codes.Select(c => new { code = c, rating = "Good" }).ToList(),
            recommendations = Enumerable.Range(1, count).Select(n => new
            {
                number = n,
                text = $"Benchmark recommendation {n}: improve the quality of risk assessment.",
                addressees = new[] { "Provider" },
                linkedStandards = new[] { "2.1" },
            }).ToList(),
        };
        using var recorded = await inspector.PostAsJsonAsync("api/inspections", request);
        if (!recorded.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Recording a benchmark inspection failed: {(int)recorded.StatusCode} {await recorded.Content.ReadAsStringAsync()}");
        }

        var id = (await recorded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using var published = await inspector.PostAsJsonAsync($"api/inspections/{id}/publish",
            new { publishedOn = publishedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        if (!published.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Publishing a benchmark inspection failed: {(int)published.StatusCode} {await published.Content.ReadAsStringAsync()}");
        }
    }
}
