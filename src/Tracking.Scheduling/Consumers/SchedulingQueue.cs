using MassTransit;
using Tracking.Messaging.Topology;

namespace Tracking.Scheduling.Consumers;

/// <summary>
/// Every scheduling consumer reads the one `scheduling` queue (its name is what deployed brokers already have).
/// Events about one recommendation collide on its timer row's version; the loser is retried by this definition.
/// </summary>
public sealed class SchedulingQueue<TConsumer>() : ServiceQueueDefinition<TConsumer>(SchedulingService.QueueName, concurrentMessageLimit: 4, prefetchCount: 16)
    where TConsumer : class, IConsumer;
