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
/// Stop is called more than once (the host's run loop and its owner's dispose both stop it) and can overlap
/// Dispose, so the server is stopped once, under a lock, and a stop after or during dispose is a no-op.
/// </summary>
internal sealed class HangfireTimerServer(
    JobStorage storage,
    IServiceScopeFactory scopes,
    ILoggerFactory loggers,
    Microsoft.Extensions.Options.IOptions<HangfireTimerOptions> options) : IHostedService, IDisposable
{
    private readonly Lock _gate = new();
    private BackgroundJobServer? _server;
    private readonly TaskCompletionSource _disposedSignal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _stopped;
    private bool _disposed;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_server is not null)
            {
                return Task.CompletedTask;
            }

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
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Task stopped;
        lock (_gate)
        {
            if (_server is null || _disposed)
            {
                return;
            }

            // Every caller waits for the one stop; SendStop runs under the lock so Dispose cannot interleave.
            _stopped ??= SendStopAndWait(_server);
            stopped = _stopped;
        }

        try
        {
            // A dispose during the wait has stopped the server itself; a disposed server's wait may never end.
            await Task.WhenAny(stopped, _disposedSignal.Task).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown timeout has passed; Dispose abandons whatever is still running.
        }
    }

    private static Task SendStopAndWait(BackgroundJobServer server)
    {
        server.SendStop();
        return WaitForShutdown(server);
    }

    private static async Task WaitForShutdown(BackgroundJobServer server)
    {
        try
        {
            await server.WaitForShutdownAsync(CancellationToken.None);
        }
        catch (ObjectDisposedException)
        {
            // Disposed while waiting: Dispose itself stops the server, so the wait is over.
        }
    }

    public void Dispose()
    {
        BackgroundJobServer? server;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            server = _server;
            _server = null;
        }

        try
        {
            server?.Dispose();
        }
        finally
        {
            _disposedSignal.TrySetResult();
            UseHostLogging(NullLoggerFactory.Instance);
        }
    }

    internal static void UseHostLogging(ILoggerFactory factory) =>
        GlobalConfiguration.Configuration.UseLogProvider(new AspNetCoreLogProvider(factory));
}
