using MassTransit;
using Tracking.Messaging.Topology;

namespace Tracking.Recommendations.Consumers;

/// <summary>The recommendations service's own queue: only operational commands (a replay) arrive on it, one at a time.</summary>
public sealed class RecommendationsQueue<TConsumer>() : ServiceQueueDefinition<TConsumer>(RecommendationsService.QueueName, concurrentMessageLimit: 1, prefetchCount: 4)
    where TConsumer : class, IConsumer;
