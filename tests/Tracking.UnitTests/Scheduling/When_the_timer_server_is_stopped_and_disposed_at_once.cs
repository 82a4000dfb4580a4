using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tracking.Scheduling.Hangfire;

namespace Tracking.UnitTests.Scheduling;

/// <summary>
/// A host is stopped by its run loop and again by whoever disposes it, and the second stop can still be running
/// when the host is disposed; the timer server must take all of that without an error, in tests and production.
/// </summary>
public sealed class When_the_timer_server_is_stopped_and_disposed_at_once : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tracking-hangfire-").FullName;

    [Fact]
    public async Task Two_stops_racing_a_dispose_end_without_an_error()
    {
        for (var round = 0; round < 20; round++)
        {
            using var host = Host(round);
            var server = TimerServer(host);
            await server.StartAsync(CancellationToken.None);

            using var go = new ManualResetEventSlim();
            var racers = new[]
            {
                Task.Run(async () => { go.Wait(); await server.StopAsync(CancellationToken.None); }),
                Task.Run(async () => { go.Wait(); await server.StopAsync(CancellationToken.None); }),
                Task.Run(() => { go.Wait(); ((IDisposable)server).Dispose(); }),
            };
            go.Set();

            await Should.NotThrowAsync(() => Task.WhenAll(racers));
        }
    }

    [Fact]
    public async Task A_stop_after_dispose_and_a_second_dispose_do_nothing()
    {
        using var host = Host(0);
        var server = TimerServer(host);
        await server.StartAsync(CancellationToken.None);

        await server.StopAsync(CancellationToken.None);
        ((IDisposable)server).Dispose();

        await Should.NotThrowAsync(() => server.StopAsync(CancellationToken.None));
        Should.NotThrow(() => ((IDisposable)server).Dispose());
    }

    private IHost Host(int round)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tracking:DataFolder"] = Path.Combine(_folder, $"round-{round}"),
            ["Tracking:Hangfire:PollInterval"] = "00:00:00.200",
        });
        builder.AddSchedulingHangfire();
        return builder.Build();
    }

    private static IHostedService TimerServer(IHost host) =>
        host.Services.GetServices<IHostedService>().Single(s => s.GetType().Name == "HangfireTimerServer");

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file on a slow machine; the temp folder is cleaned by the OS.
        }
    }
}
