using MassTransit;
using Tracking.Messaging.Topology;

namespace Tracking.Identity.Consumers;

/// <summary>The identity service's own queue: only operational commands (a replay) arrive on it, one at a time.</summary>
public sealed class IdentityQueue<TConsumer>() : ServiceQueueDefinition<TConsumer>(IdentityService.QueueName, concurrentMessageLimit: 1, prefetchCount: 4)
    where TConsumer : class, IConsumer;
