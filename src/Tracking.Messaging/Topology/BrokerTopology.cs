using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Tracking.Messaging.Topology;

/// <summary>
/// Makes every service's queue and its bindings exist on the broker before this process publishes anything:
/// RabbitMQ drops a message published to an exchange no queue is bound to, and the relay would then mark it sent.
/// Declaring the whole topology (not only the roles hosted here) means no start order can lose an event; a
/// MassTransit bus with DeployTopologyOnly declares it exactly as the consuming process will, without consuming.
/// </summary>
public sealed class BrokerTopology
{
    private readonly TaskCompletionSource _deployed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once every queue is declared and bound (at once for the in-memory bus of one process).</summary>
    public Task Deployed => _deployed.Task;

    internal void MarkDeployed() => _deployed.TrySetResult();
}

internal sealed class DeployBrokerTopology(
    BrokerTopology topology, MessagingTopology queues, Uri broker, ILogger<DeployBrokerTopology> logger) : BackgroundService
{
    private static readonly TimeSpan AtStart = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Deploys before the process counts as started, so nothing later at start can interrupt it; a broker that stays
    /// away longer than the bus's own start timeout is left to the background retries (the relay waits meanwhile).
    /// </summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        using var startup = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        startup.CancelAfter(AtStart);
        try
        {
            await DeployUntilDone(startup.Token);
            return;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("The broker topology is not deployed after {Seconds} s; retrying in the background", AtStart.TotalSeconds);
        }

        await base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => DeployUntilDone(stoppingToken);

    private async Task DeployUntilDone(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await Deploy(cancellationToken);
                topology.MarkDeployed();
                logger.LogInformation("Broker topology deployed: queues {Queues}", string.Join(", ", queues.Queues.Select(q => q.Name)));
                return;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // The relay waits meanwhile: unsent rows stay unsent until the queues exist.
                logger.LogWarning(ex, "Deploying the broker topology failed (attempt {Attempt}); retrying", attempt);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt, 5)), cancellationToken);
            }
        }
    }

    private async Task Deploy(CancellationToken cancellationToken)
    {
        var bus = MassTransit.Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(broker);
            cfg.DeployTopologyOnly = true;
            foreach (var queue in queues.Queues)
            {
                cfg.ReceiveEndpoint(queue.Name, e =>
                {
                    foreach (var consumer in queue.Consumers)
                    {
                        // Never called: a topology-only endpoint binds the consumer's message types but receives nothing.
                        e.Consumer(consumer, _ => throw new InvalidOperationException("A topology-only endpoint does not consume."));
                    }
                });
            }
        });
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        try
        {
            await bus.DeployAsync(timeout.Token);
        }
        catch
        {
            // A failed attempt must not leave its connection retrying in the background, nor hang the start: a receive
            // transport stuck declaring on a half-open channel never finishes stopping, so the stop is bounded.
            using var stopping = new CancellationTokenSource(StopTimeout);
            try
            {
                await bus.StopAsync(stopping.Token).WaitAsync(stopping.Token);
            }
            catch (OperationCanceledException)
            {
                logger.LogWarning("The failed topology attempt's bus did not stop within {Seconds} s; abandoned", StopTimeout.TotalSeconds);
            }

            throw;
        }
    }
}
