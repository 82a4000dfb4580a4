using System.Diagnostics;

namespace Tracking.Benchmarks;

/// <param name="RestartSeconds">Median start on the data folder a previous start left: migrated and seeded already.</param>
public sealed record EmbeddedResult(
    double ColdStartSeconds, double IdleRssMegabytes, IReadOnlyList<double> Starts, double RestartSeconds, IReadOnlyList<double> Restarts);

/// <summary>
/// `dotnet Tracking.Server.dll` with its default embedded configuration (SQLite, in-memory bus, Hangfire on SQLite)
/// and an empty data folder, started from its bin folder so appsettings.json is found: time from process start to
/// /health/ready answering 200, and the resident set size a few seconds after that; then started again on the same
/// folder, where the databases are migrated and the demo seeded already.
/// </summary>
public static class EmbeddedHost
{
    public static async Task<EmbeddedResult> Run(BenchmarkOptions options, ServerBinary server, string logFolder)
    {
        var starts = new List<double>();
        var rss = new List<double>();
        var restarts = new List<double>();
        for (var run = 1; run <= options.ColdStarts; run++)
        {
            var data = Directory.CreateTempSubdirectory("tracking-bench-embedded-");
            await using var steps = new Cleanup();
            steps.Add($"delete {data.FullName}", () =>
            {
                data.Delete(recursive: true);
                return Task.CompletedTask;
            });
            var clock = Stopwatch.StartNew();
            var process = ServerProcess.Start($"embedded-{run}", server.Dll, [],
                new Dictionary<string, string> { ["Tracking__DataFolder"] = data.FullName },
                server.Folder, logFolder, Net.FreePort(), steps);
            await process.WaitUntilReady(TimeSpan.FromSeconds(120), TimeSpan.FromMilliseconds(10));
            starts.Add(clock.Elapsed.TotalSeconds);

            // Idle: the demo seeding and first outbox relay are done; nothing is asking anything.
            await Task.Delay(TimeSpan.FromSeconds(options.Smoke ? 3 : 10));
            rss.Add(process.ResidentMegabytes());
            await process.DisposeAsync();

            clock.Restart();
            var again = ServerProcess.Start($"embedded-{run}-restart", server.Dll, [],
                new Dictionary<string, string> { ["Tracking__DataFolder"] = data.FullName },
                server.Folder, logFolder, Net.FreePort(), steps);
            await again.WaitUntilReady(TimeSpan.FromSeconds(120), TimeSpan.FromMilliseconds(10));
            restarts.Add(clock.Elapsed.TotalSeconds);
            await again.DisposeAsync();
        }

        return new EmbeddedResult(Stats.Median(starts), Stats.Median(rss), starts, Stats.Median(restarts), restarts);
    }
}
