using System.Diagnostics;

namespace Tracking.IntegrationTests.Infrastructure;

/// <summary>
/// Stops and starts the real RabbitMQ and PostgreSQL that deploy/start-services.sh runs on this machine, for the
/// fault drills. Needs the same rights as that script (root here and in CI).
/// </summary>
public static class LocalServices
{
    public static Task StopBroker() => Run("rabbitmqctl", "-q stop_app");

    public static async Task StartBroker()
    {
        await Run("rabbitmqctl", "-q start_app");
        await Run("rabbitmqctl", "-q await_startup");
    }

    public static async Task StopDatabase() => await Run("pg_ctlcluster", $"{await Cluster()} stop -m fast");

    public static async Task StartDatabase()
    {
        if (!await IsDatabaseUp())
        {
            // Started with every inherited descriptor above stderr closed: the daemon would otherwise keep the drill's
            // `flock -x` lock open for as long as PostgreSQL runs, and every later test waiting for it would hang.
            await Run("bash", ["-c", "for fd in /proc/$$/fd/*; do n=${fd##*/}; [ \"$n\" -gt 2 ] && eval \"exec $n>&-\"; done; exec \"$@\"",
                "bash", "pg_ctlcluster", .. (await Cluster()).Split(' '), "start"]);
            await Run("pg_isready", "-q -t 30 -h 127.0.0.1");
        }

        // Pooled connections from before the restart are dead; later tests must not be handed one.
        Npgsql.NpgsqlConnection.ClearAllPools();
    }

    private static async Task<bool> IsDatabaseUp()
    {
        using var process = Process.Start(new ProcessStartInfo("pg_isready", "-q -h 127.0.0.1") { RedirectStandardOutput = true })!;
        await process.WaitForExitAsync();
        return process.ExitCode == 0;
    }

    private static async Task<string> Cluster()
    {
        var line = (await Run("pg_lsclusters", "-h")).Split('\n', StringSplitOptions.RemoveEmptyEntries)[0];
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return $"{parts[0]} {parts[1]}";
    }

    private static Task<string> Run(string command, string arguments) => Run(new ProcessStartInfo(command, arguments));

    private static Task<string> Run(string command, IEnumerable<string> arguments) => Run(new ProcessStartInfo(command, arguments));

    private static async Task<string> Run(ProcessStartInfo start)
    {
        var (command, arguments) = (start.FileName, string.Join(' ', start.ArgumentList.DefaultIfEmpty(start.Arguments)));
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} {arguments} failed ({process.ExitCode}): {error}{output}");
        }

        return output;
    }
}
