using Hangfire;
using Hangfire.AspNetCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Tracking.Scheduling.Hangfire;

public sealed class HangfireTimerOptions
{
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    public int Workers { get; set; } = 2;
}

/// <summary>
/// Runs the Hangfire server for this host with its own storage and job activator. Hangfire's logging hook is a
/// process-wide static, so it is pointed at this host's loggers while the host runs and released when it stops;
/// otherwise a later host in the same process (tests) would log into a disposed logger factory.
/// </summary>
internal sealed class HangfireTimerServer(
    JobStorage storage,
    IServiceScopeFactory scopes,
    ILoggerFactory loggers,
    Microsoft.Extensions.Options.IOptions<HangfireTimerOptions> options) : IHostedService, IDisposable
{
    private BackgroundJobServer? _server;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        UseHostLogging(loggers);
        _server = new BackgroundJobServer(
            new BackgroundJobServerOptions
            {
                ServerName = $"scheduling:{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}",
                WorkerCount = options.Value.Workers,
                SchedulePollingInterval = options.Value.PollInterval,
                Activator = new AspNetCoreJobActivator(scopes),
            },
            storage);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is null)
        {
            return;
        }

        _server.SendStop();
        try
        {
            await _server.WaitForShutdownAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown timeout has passed; Dispose below abandons whatever is still running.
        }
    }

    public void Dispose()
    {
        _server?.Dispose();
        _server = null;
        UseHostLogging(NullLoggerFactory.Instance);
    }

    internal static void UseHostLogging(ILoggerFactory factory) =>
        GlobalConfiguration.Configuration.UseLogProvider(new AspNetCoreLogProvider(factory));
}
