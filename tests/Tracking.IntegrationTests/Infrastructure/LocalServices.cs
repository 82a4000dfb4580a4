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
            await Run("pg_ctlcluster", $"{await Cluster()} start");
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

    private static async Task<string> Run(string command, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(command, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
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
