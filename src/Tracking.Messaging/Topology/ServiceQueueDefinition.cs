using MassTransit;

namespace Tracking.Messaging.Topology;

/// <summary>
/// The one consumer definition of a service's queue: every consumer of the service is put on the same queue with
/// the same prefetch, concurrency limit and retry, so one event is one delivery and one transaction per service.
/// </summary>
public abstract class ServiceQueueDefinition<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    /// <summary>Retries ride out key collisions between competing consumers and a briefly unreachable database.</summary>
    public static readonly TimeSpan[] DefaultRetryIntervals = [.. new[] { 50, 100, 250, 500, 1000, 2000, 5000 }.Select(ms => TimeSpan.FromMilliseconds(ms))];

    protected ServiceQueueDefinition(string queue, int concurrentMessageLimit, int prefetchCount)
    {
        Endpoint(e =>
        {
            e.Name = queue;
            e.PrefetchCount = prefetchCount;
            e.ConcurrentMessageLimit = concurrentMessageLimit;
        });
    }

    protected virtual TimeSpan[] RetryIntervals => DefaultRetryIntervals;

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TConsumer> consumerConfigurator, IRegistrationContext context)
    {
        // A disposed container never heals (it shows up when a process stops mid-message): retrying only held the
        // bus's stop for the whole 9 s of intervals before the same fault.
        consumerConfigurator.UseMessageRetry(r => r.Intervals(RetryIntervals).Ignore<ObjectDisposedException>());
    }
}
