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

const string E2ETarget = "≥ 50% of smaller baseline, p99 ≤ 500 ms";
double? pgBaseline = null, mqBaseline = null;
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
    }

    ServerBinary? server = null;
    var needsServer = options.Only.Contains("e2e") || options.Only.Contains("planner") || options.Only.Contains("embedded");
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
        await Measure("end-to-end evidence submission", async () =>
        {
            var result = await EndToEnd.Run(options, system);
            var smaller = new[] { pgBaseline, mqBaseline }.Where(b => b is not null).Select(b => b!.Value).DefaultIfEmpty(double.NaN).Min();
            var ratio = result.Throughput / smaller;
            var note = $"{result.Accepted} accepted in {F(result.Seconds)} s, {result.Conflicts} conflicts (409), {result.Errors} other errors; "
                + $"{result.Visible} seen in planning, {result.NeverVisible} not seen within 120 s; latency polled from planning.outstanding_recommendations";
            table.Add(new ResultRow($"end-to-end evidence POST → planning ({options.Workers} workers)", $"{F(result.Throughput, "0")} req/s",
                double.IsNaN(smaller) ? "not measured" : $"{F(smaller, "0")}/s", double.IsNaN(ratio) ? "" : $"{F(ratio * 100, "0.0")}%",
                "≥ 50%", double.IsNaN(ratio) ? null : ratio >= 0.5, result.Throughput, smaller, ratio, "requests/s", note));
            table.Add(new ResultRow("end-to-end 2xx → visible in planning p50", $"{F(result.P50, "0.0")} ms", "", "", "", null, result.P50, Unit: "ms"));
            table.Add(new ResultRow("end-to-end 2xx → visible in planning p95", $"{F(result.P95, "0.0")} ms", "", "", "", null, result.P95, Unit: "ms"));
            table.Add(new ResultRow("end-to-end 2xx → visible in planning p99", $"{F(result.P99, "0.0")} ms", "", "", "≤ 500 ms",
                result.Visible > 0 && result.NeverVisible == 0 ? result.P99 <= 500 : false, result.P99, Unit: "ms"));
        }, why => table.Add(ResultRow.NotMeasured("end-to-end evidence POST → planning", why, E2ETarget)));
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
                table.Add(new ResultRow($"planner outstanding?{what}= p95", $"{F(latency.P95, "0.0")} ms", "", "", "≤ 20 ms", latency.P95 <= 20,
                    latency.P95, Unit: "ms", Note: note));
            }
        }, why => table.Add(ResultRow.NotMeasured("planner outstanding query", why, "p95 ≤ 20 ms")));
    }

    if (server is not null && options.Only.Contains("embedded"))
    {
        await Measure("embedded host cold start", async () =>
        {
            var result = await EmbeddedHost.Run(options, server, logFolder);
            var note = $"{result.Starts.Count} start(s): {string.Join(", ", result.Starts.Select(s => F(s, "0.00") + " s"))}; median shown; RSS read from /proc/<pid>/status VmRSS after idling";
            table.Add(new ResultRow("embedded cold start → /health/ready 200", $"{F(result.ColdStartSeconds, "0.00")} s", "", "", "≤ 3 s",
                result.ColdStartSeconds <= 3, result.ColdStartSeconds, Unit: "s", Note: note));
            table.Add(new ResultRow("embedded idle RSS", $"{F(result.IdleRssMegabytes, "0")} MB", "", "", "≤ 250 MB",
                result.IdleRssMegabytes <= 250, result.IdleRssMegabytes, Unit: "MB"));
        }, why => table.Add(ResultRow.NotMeasured("embedded host", why, "cold start ≤ 3 s; idle RSS ≤ 250 MB")));
    }

    // Stop the distributed services before the sweep so they do not compete for the two cores.
    await cleanup.DisposeAsync();

    if (options.Only.Contains("sweep"))
    {
        const string sweepTarget = "≥ 20× and all due ≤ 60 s";
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
                    table.Add(new ResultRow($"deadline sweep: {options.SweepDue} due of {open} open → all published", $"{F(run.Seconds, "0.00")} s",
                        hangfire is null ? "not measured" : $"{F(hangfire.Seconds, "0.0")} s (1 Hangfire job each)",
                        double.IsNaN(ratio) ? "" : $"{F(ratio, "0.0")}×", sweepTarget,
                        double.IsNaN(ratio) ? null : ratio >= 20 && run.Seconds <= 60, run.Seconds, hangfire?.Seconds, double.IsNaN(ratio) ? null : ratio, "s", note));
                }, why => table.Add(ResultRow.NotMeasured($"deadline sweep: {options.SweepDue} due of {open} open", why, sweepTarget)));
                await cleanup.DisposeAsync();
            }
        }
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
