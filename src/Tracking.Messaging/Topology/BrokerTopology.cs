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
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await Deploy(stoppingToken);
                topology.MarkDeployed();
                logger.LogInformation("Broker topology deployed: queues {Queues}", string.Join(", ", queues.Queues.Select(q => q.Name)));
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The relay waits meanwhile: unsent rows stay unsent until the queues exist.
                logger.LogWarning(ex, "Deploying the broker topology failed (attempt {Attempt}); retrying", attempt);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt, 5)), stoppingToken);
            }
        }
    }

    private async Task Deploy(CancellationToken stoppingToken)
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
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        await bus.DeployAsync(timeout.Token);
    }
}
