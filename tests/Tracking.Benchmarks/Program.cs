using Tracking.Benchmarks;
using static Tracking.Benchmarks.ResultTable;

if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(BenchmarkOptions.Usage);
    return 0;
}

BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(BenchmarkOptions.Usage);
    return 2;
}

var startedAt = DateTimeOffset.UtcNow;
Console.WriteLine($"Tracking benchmark ({options})");
var table = new ResultTable();
var logFolder = Directory.CreateTempSubdirectory("tracking-bench-logs-").FullName;
await using var cleanup = new Cleanup();
using var interrupted = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // First Ctrl+C: stop measuring and clean up; the finally blocks below still run.
    e.Cancel = true;
    interrupted.Cancel();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) => cleanup.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(30));

var failures = 0;
async Task Measure(string name, Func<Task> measure, Action<string> notMeasured)
{
    if (interrupted.IsCancellationRequested)
    {
        notMeasured("interrupted");
        return;
    }

    Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {name}");
    try
    {
        await measure().WaitAsync(interrupted.Token);
    }
    catch (Exception ex)
    {
        failures++;
        var reason = ex is OperationCanceledException && interrupted.IsCancellationRequested ? "interrupted" : ex.GetBaseException().Message;
        Console.Error.WriteLine($"  {name} failed: {ex}");
        notMeasured(reason.Split('\n')[0]);
    }
}

const string E2ETarget = "≥ 50% of the raw same-shape baseline";
double? pgBaseline = null, mqBaseline = null;
RawSubmissionResult? raw = null;
try
{
    if (options.Only.Contains("baselines") || options.Only.Contains("e2e"))
    {
        await Measure("raw baseline: PostgreSQL inserts", async () =>
        {
            pgBaseline = await RawBaselines.PostgresInserts(options, cleanup);
            table.Add(new ResultRow($"PostgreSQL single-row inserts ({options.Workers} connections)", $"{F(pgBaseline.Value, "0")} commits/s",
                "", "", "ceiling", null, pgBaseline, Unit: "commits/s"));
        }, why => table.Add(ResultRow.NotMeasured("PostgreSQL single-row inserts", why)));
        await Measure("raw baseline: RabbitMQ publish with confirms → consume", async () =>
        {
            mqBaseline = await RawBaselines.RabbitMqPublishConsume(options, cleanup);
            table.Add(new ResultRow("RabbitMQ persistent publish+confirm → consume", $"{F(mqBaseline.Value, "0")} msg/s",
                "", "", "ceiling", null, mqBaseline, Unit: "messages/s"));
        }, why => table.Add(ResultRow.NotMeasured("RabbitMQ persistent publish+confirm → consume", why)));
        await Measure("raw baseline: the same shape as an evidence submission, by hand", async () =>
        {
            raw = await RawSubmission.Run(options, cleanup);
            table.Add(new ResultRow($"raw same-shape submission ({options.Workers} workers)", $"{F(raw.Throughput, "0")} submissions/s", "", "", "baseline", null,
                raw.Throughput, Unit: "submissions/s",
                Note: $"{raw.Submitted} submitted, all applied by both consumers; p99 confirm → applied {F(raw.P99, "0.0")} ms; "
                    + $"CPU {F(raw.CpuMsPerSubmission, "0.00")} ms per submission ({raw.Cpu.Describe(raw.Submitted)})"));
        }, why => table.Add(ResultRow.NotMeasured("raw same-shape submission", why)));
        await cleanup.DisposeAsync();
    }

    ServerBinary? server = null;
    var needsServer = options.Only.Contains("e2e") || options.Only.Contains("planner") || options.Only.Contains("embedded") || options.Only.Contains("cost");
    if (needsServer)
    {
        await Measure("build and locate Tracking.Server", async () => server = await ServerBinary.Locate(options),
            why => table.Add(ResultRow.NotMeasured("Tracking.Server", why)));
    }

    DistributedSystem? system = null;
    if (server is not null && (options.Only.Contains("e2e") || options.Only.Contains("planner")))
    {
        await Measure($"start distributed services ({string.Join(", ", server.DistributedRoles)})", async () =>
                system = await DistributedSystem.Start(options, server, cleanup, logFolder),
            why => table.Add(ResultRow.NotMeasured("distributed services", why)));
    }

    if (system is not null && options.Only.Contains("e2e"))
    {
        EndToEndResult? full = null;
        List<Guid>? ids = null;
        await Measure("end-to-end evidence submission", async () =>
        {
            ids = await EndToEnd.Prepare(options, system);
            var result = full = await EndToEnd.Run(options, system, ids);
            if (result.Accepted == 0)
            {
                throw new InvalidOperationException($"no request was accepted in the {options.DurationSeconds} s measured ({result.Errors} errors, {result.Conflicts} conflicts)");
            }

            var ratio = raw is null ? double.NaN : result.Throughput / raw.Throughput;
            var note = $"{result.Accepted} accepted in {F(result.Seconds)} s, {result.Conflicts} conflicts (409), {result.Errors} other errors; "
                + $"{result.Visible} seen in planning, {result.NeverVisible} not seen within 120 s; latency polled from planning.outstanding_recommendations"
                + (pgBaseline is null || mqBaseline is null ? "" : $"; ceilings: PostgreSQL {F(pgBaseline.Value, "0")} commits/s, RabbitMQ {F(mqBaseline.Value, "0")} msg/s");
            table.Add(new ResultRow($"goal 1: end-to-end evidence POST → planning ({options.Workers} workers) vs raw same shape", $"{F(result.Throughput, "0")} req/s",
                raw is null ? "not measured" : $"{F(raw.Throughput, "0")}/s", double.IsNaN(ratio) ? "" : $"{F(ratio * 100, "0.0")}%",
                "≥ 50%", double.IsNaN(ratio) ? null : ratio >= 0.5, result.Throughput, raw?.Throughput, double.IsNaN(ratio) ? null : ratio, "requests/s", note));
            table.Add(new ResultRow("goal 2: end-to-end submissions/s", $"{F(result.Throughput, "0")}/s", "", "", "≥ 500/s", result.Throughput >= 500,
                result.Throughput, Unit: "requests/s"));
            var cpuRatio = raw is null ? double.NaN : result.CpuMsPerSubmission / raw.CpuMsPerSubmission;
            table.Add(new ResultRow("goal 2: CPU ms per submission, all processes", $"{F(result.CpuMsPerSubmission, "0.00")} ms",
                raw is null ? "not measured" : $"{F(raw.CpuMsPerSubmission, "0.00")} ms raw", double.IsNaN(cpuRatio) ? "" : $"{F(cpuRatio, "0.0")}×",
                "≤ 4 ms", result.CpuMsPerSubmission <= 4, result.CpuMsPerSubmission, raw?.CpuMsPerSubmission, double.IsNaN(cpuRatio) ? null : cpuRatio, "ms",
                $"/proc/<pid>/stat utime+stime over the measured period and the drain after it, per accepted request: {result.Cpu.Describe(result.Accepted)} "
                + "(postgresql = this database's backends plus the server's shared helpers; rabbitmq = the whole broker, shared with anything else using it)"));
            table.Add(new ResultRow("end-to-end 2xx → visible in planning p50 (full load)", $"{F(result.P50, "0.0")} ms", "", "", "", null, result.P50, Unit: "ms"));
            table.Add(new ResultRow("end-to-end 2xx → visible in planning p99 (full load)", $"{F(result.P99, "0.0")} ms", "", "", "", null, result.P99, Unit: "ms"));
        }, why => table.Add(ResultRow.NotMeasured("goal 1/2: end-to-end evidence POST → planning", why, E2ETarget)));

        if (full is { Accepted: > 0 } && ids is not null)
        {
            var rate = full.Throughput / 2;
            await Measure($"end-to-end at half load ({F(rate, "0")}/s)", async () =>
            {
                var half = await EndToEnd.Run(options, system, ids, rate);
                table.Add(new ResultRow($"goal 2: 2xx → visible in planning p99 at half load ({F(rate, "0")}/s paced)", $"{F(half.P99, "0.0")} ms", "", "", "≤ 100 ms",
                    half.Visible > 0 && half.NeverVisible == 0 ? half.P99 <= 100 : false, half.P99, Unit: "ms",
                    Note: $"{half.Accepted} accepted ({F(half.Throughput, "0")}/s), p50 {F(half.P50, "0.0")} ms, p95 {F(half.P95, "0.0")} ms, {half.NeverVisible} not seen"));
            }, why => table.Add(ResultRow.NotMeasured("goal 2: p99 at half load", why, "≤ 100 ms")));
        }
        else
        {
            table.Add(ResultRow.NotMeasured("goal 2: p99 at half load", "no full-load figure to halve", "≤ 100 ms"));
        }
    }

    if (system is not null && options.Only.Contains("planner"))
    {
        await Measure("planner query", async () =>
        {
            var result = await PlannerQuery.Run(options, system);
            var size = $"{options.PlannerProviders} providers / {options.PlannerRecommendations} recommendations";
            foreach (var (what, latency) in new[] { ("region", result.Region), ("providerId", result.Provider) })
            {
                var note = $"{size} ({result.OpenRows} open) in {options.PlannerRegions} regions, seeded in {F(result.SeedSeconds)} s; "
                    + $"{latency.Samples} sequential requests, {F(latency.MeanRows, "0")} rows / {F(latency.MeanKilobytes, "0")} KB per answer on average";
                table.Add(new ResultRow($"planner outstanding?{what}= p50", $"{F(latency.P50, "0.0")} ms", "", "", "", null, latency.P50, Unit: "ms"));
                table.Add(new ResultRow($"goal 4: planner outstanding?{what}= p95", $"{F(latency.P95, "0.0")} ms", "", "", what == "region" ? "≤ 10 ms" : "≤ 5 ms", latency.P95 <= (what == "region" ? 10 : 5),
                    latency.P95, Unit: "ms", Note: note));
            }
        }, why => table.Add(ResultRow.NotMeasured("goal 4: planner outstanding query", why, "p95 ≤ 10 ms (region), ≤ 5 ms (provider)")));
    }

    if (server is not null && options.Only.Contains("cost"))
    {
        // A system of its own, fresh (the first 100 requests are goal 5's), its PostgreSQL traffic through the counting relay.
        await cleanup.DisposeAsync();
        system = null;
        await Measure("cost per request (fresh services, PostgreSQL traffic counted)", async () =>
        {
            var counted = await DistributedSystem.Start(options, server, cleanup, logFolder, countSql: true, purpose: "cost");
            var cost = await CostPerRequest.Run(options, counted);
            var w = cost.Warm;
            // The raw shape: BEGIN + 3 inserts + COMMIT in 2 round trips, then per consumer BEGIN + 2 statements + COMMIT in 2.
            table.Add(new ResultRow("per evidence POST, warm, one at a time: SQL statements (all services)", F(w.StatementsPerRequest, "0.0"),
                "13 raw shape", $"{F(w.StatementsPerRequest / 13, "0.0")}×", "", null, w.StatementsPerRequest, 13, w.StatementsPerRequest / 13, "statements",
                $"counted by a relay reading the PostgreSQL protocol (Execute and simple Query messages), {w.Requests} requests, until planning showed each; "
                + $"the idle services' own traffic subtracted; mean {F(w.MeanMs, "0.0")} ms per request"));
            table.Add(new ResultRow("per evidence POST: round trips to PostgreSQL", F(w.RoundTripsPerRequest, "0.0"), "6 raw shape",
                $"{F(w.RoundTripsPerRequest / 6, "0.0")}×", "", null, w.RoundTripsPerRequest, 6, w.RoundTripsPerRequest / 6, "round trips"));
            table.Add(new ResultRow("per evidence POST: explicit COMMITs", F(w.CommitsPerRequest, "0.0"), "3 raw shape",
                $"{F(w.CommitsPerRequest / 3, "0.0")}×", "", null, w.CommitsPerRequest, 3, w.CommitsPerRequest / 3, "commits"));
            table.Add(new ResultRow("per evidence POST: CPU ms, all processes, one at a time", $"{F(w.CpuMsPerRequest, "0.00")} ms", "", "", "", null,
                w.CpuMsPerRequest, Unit: "ms",
                Note: $"idle CPU ({F(cost.IdleCpuMsPerSecond, "0")} ms/s over all processes) subtracted; before that: {w.Cpu.Describe(w.Requests)}"));
            var warmRatio = cost.Cold.MeanMs / w.MeanMs;
            table.Add(new ResultRow("goal 5: first 100 requests of fresh processes vs warm (mean)", $"{F(cost.Cold.MeanMs, "0.0")} ms",
                $"{F(w.MeanMs, "0.0")} ms warm", $"{F(warmRatio, "0.00")}×", "≤ 1.5×", warmRatio <= 1.5, cost.Cold.MeanMs, w.MeanMs, warmRatio, "ms",
                $"sequential evidence POSTs; cold CPU {F(cost.Cold.CpuMsPerRequest, "0.0")} ms/request, {F(cost.Cold.StatementsPerRequest, "0.0")} statements/request"));
            table.Add(new ResultRow("goal 7: round trips/s an idle service sends PostgreSQL", F(cost.IdleRoundTripsPerSecondPerProcess, "0.00"), "", "",
                "< 1/s (no poll every second)", cost.IdleRoundTripsPerSecondPerProcess < 1, cost.IdleRoundTripsPerSecondPerProcess, Unit: "round trips/s",
                Note: $"{cost.Processes} processes idle for {F(cost.IdleSeconds, "0.0")} s: {F(cost.IdleStatementsPerSecondPerProcess, "0.00")} statements/s each"));
            var z = cost.Size;
            var getRatio = z.LargeGetMs / z.SmallGetMs;
            var postRatio = z.LargePostMs / z.SmallPostMs;
            table.Add(new ResultRow($"goal 3: GET recommendation with {z.Items} evidence items vs none (median)", $"{F(z.LargeGetMs, "0.0")} ms",
                $"{F(z.SmallGetMs, "0.0")} ms", $"{F(getRatio, "0.00")}×", "≤ 1.2×", getRatio <= 1.2, z.LargeGetMs, z.SmallGetMs, getRatio, "ms",
                $"{options.SizeSamples} of each, alternating; statements per GET {F(z.SmallGetStatements, "0.0")} vs {F(z.LargeGetStatements, "0.0")}; "
                + $"answer {F(z.SmallGetKilobytes, "0.0")} KB vs {F(z.LargeGetKilobytes, "0")} KB"));
            table.Add(new ResultRow($"goal 3: evidence POST on a recommendation with {z.Items} items vs none (median)", $"{F(z.LargePostMs, "0.0")} ms",
                $"{F(z.SmallPostMs, "0.0")} ms", $"{F(postRatio, "0.00")}×", "≤ 1.2×", postRatio <= 1.2, z.LargePostMs, z.SmallPostMs, postRatio, "ms"));
        }, why => table.Add(ResultRow.NotMeasured("cost per request, goals 3, 5 (first 100) and 7", why)));
        await cleanup.DisposeAsync();
    }

    if (server is not null && options.Only.Contains("embedded"))
    {
        await Measure("embedded host cold start", async () =>
        {
            var result = await EmbeddedHost.Run(options, server, logFolder);
            var note = $"{result.Starts.Count} start(s): {string.Join(", ", result.Starts.Select(s => F(s, "0.00") + " s"))}; median shown; RSS read from /proc/<pid>/status VmRSS after idling";
            table.Add(new ResultRow("goal 5: embedded cold start → /health/ready 200", $"{F(result.ColdStartSeconds, "0.00")} s", "", "", "≤ 2 s",
                result.ColdStartSeconds <= 2, result.ColdStartSeconds, Unit: "s", Note: note));
            table.Add(new ResultRow("goal 5: embedded restart on its data folder → /health/ready 200", $"{F(result.RestartSeconds, "0.00")} s", "", "",
                "≤ 2 s", result.RestartSeconds <= 2, result.RestartSeconds, Unit: "s",
                Note: $"migrated and seeded already; {string.Join(", ", result.Restarts.Select(s => F(s, "0.00") + " s"))}"));
            table.Add(new ResultRow("embedded idle RSS", $"{F(result.IdleRssMegabytes, "0")} MB", "", "", "≤ 250 MB",
                result.IdleRssMegabytes <= 250, result.IdleRssMegabytes, Unit: "MB"));
        }, why => table.Add(ResultRow.NotMeasured("embedded host", why, "cold start ≤ 2 s; idle RSS ≤ 250 MB")));
    }

    // Stop the distributed services before the sweep so they do not compete for the two cores.
    await cleanup.DisposeAsync();

    if (options.Only.Contains("sweep"))
    {
        const string sweepTarget = "≥ 30× and all due ≤ 10 s";
        if (DeadlineSweepBench.FindSweep() is null)
        {
            table.Add(ResultRow.NotMeasured($"deadline sweep ({options.SweepDue} due)", "sweep not built yet", sweepTarget));
        }
        else
        {
            HangfireRun? hangfire = null;
            await Measure($"one Hangfire job per deadline ({options.SweepDue} jobs)", async () =>
                hangfire = await DeadlineSweepBench.OneJobPerDeadline(options, cleanup, options.SweepDue),
                why => table.Add(ResultRow.NotMeasured($"one Hangfire job per deadline ({options.SweepDue})", why)));
            await cleanup.DisposeAsync();
            foreach (var open in options.SweepDeadlines)
            {
                await Measure($"deadline sweep ({options.SweepDue} due of {open} open)", async () =>
                {
                    var run = await DeadlineSweepBench.Sweep(options, cleanup, open, options.SweepDue);
                    var ratio = hangfire is null ? double.NaN : hangfire.Seconds / run.Seconds;
                    var note = $"RunOnce took {F(run.SweepSeconds, "0.00")} s and raised {run.Raised}; {run.Published} DeadlineMissed marked sent, {run.OnQueue} counted on a bound queue"
                        + (hangfire is null ? "" : $"; Hangfire: {hangfire.Jobs} jobs ({options.HangfireWorkers} workers) took {F(hangfire.Seconds, "0.0")} s after {F(hangfire.EnqueueSeconds, "0.0")} s untimed enqueueing");
                    table.Add(new ResultRow($"goal 6: deadline sweep: {options.SweepDue} due of {open} open → all published", $"{F(run.Seconds, "0.00")} s",
                        hangfire is null ? "not measured" : $"{F(hangfire.Seconds, "0.0")} s (1 Hangfire job each)",
                        double.IsNaN(ratio) ? "" : $"{F(ratio, "0.0")}×", sweepTarget,
                        double.IsNaN(ratio) ? null : ratio >= 30 && run.Seconds <= 10, run.Seconds, hangfire?.Seconds, double.IsNaN(ratio) ? null : ratio, "s", note));
                }, why => table.Add(ResultRow.NotMeasured($"deadline sweep: {options.SweepDue} due of {open} open", why, sweepTarget)));
                await cleanup.DisposeAsync();
            }
        }
    }

    if (options.Only.Contains("sweep"))
    {
        table.Add(ResultRow.NotMeasured("goal 6: two scheduling processes sweeping at the same moment raise each event once",
            "proved by the integration test When_deadlines_fall_due_with_several_scheduling_processes, not timed here", "exactly once"));
    }

    if (options.Only.Contains("relay"))
    {
        foreach (var rows in options.RelayRows)
        {
            await Measure($"relay claim with {rows} sent rows (kept, then archived)", async () =>
            {
                var run = await RelayClaimBench.Run(options, cleanup, rows);
                var note = $"archiver moved {run.Archived} rows in {F(run.ArchiveSeconds, "0.0")} s (batches of 5000); claim = the relay's FOR UPDATE SKIP LOCKED query, 200 unsent rows";
                table.Add(new ResultRow($"relay claim, {rows} sent rows kept in the outbox (median / p95)", $"{F(run.KeptMedianMs, "0.00")} / {F(run.KeptP95Ms, "0.00")} ms",
                    "", "", "", null, run.KeptMedianMs, Unit: "ms"));
                table.Add(new ResultRow($"relay claim, {rows} sent rows archived (median / p95)", $"{F(run.ArchivedMedianMs, "0.00")} / {F(run.ArchivedP95Ms, "0.00")} ms",
                    $"{F(run.KeptMedianMs, "0.00")} ms kept", double.IsNaN(run.KeptMedianMs / run.ArchivedMedianMs) ? "" : $"{F(run.KeptMedianMs / run.ArchivedMedianMs, "0.0")}×",
                    "", null, run.ArchivedMedianMs, run.KeptMedianMs, run.KeptMedianMs / run.ArchivedMedianMs, "ms", note));
            }, why => table.Add(ResultRow.NotMeasured($"relay claim with {rows} sent rows", why)));
            await cleanup.DisposeAsync();
        }
    }
}
finally
{
    await cleanup.DisposeAsync();
    if (!options.KeepLogs && failures == 0)
    {
        Directory.Delete(logFolder, recursive: true);
    }
    else
    {
        Console.WriteLine($"child process logs kept in {logFolder}");
    }
}

Console.WriteLine();
Console.WriteLine(table.Render());
await table.WriteJson(options.JsonPath, options, startedAt);
return 0;
