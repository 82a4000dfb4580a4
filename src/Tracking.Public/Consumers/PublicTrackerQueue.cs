using MassTransit;
using Tracking.Messaging.Topology;

namespace Tracking.Public.Consumers;

/// <summary>
/// Every public-tracker consumer reads the one `public` queue. Two at a time is plenty for what the public sees; events
/// for one recommendation applied at once collide on its row and are retried by the definition.
/// </summary>
public sealed class PublicTrackerQueue<TConsumer>() : ServiceQueueDefinition<TConsumer>(PublicTrackerService.QueueName, concurrentMessageLimit: 2, prefetchCount: 16)
    where TConsumer : class, IConsumer;
