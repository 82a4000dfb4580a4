using MassTransit;
using Tracking.Messaging.Topology;

namespace Tracking.Planning.Consumers;

/// <summary>
/// Every planning consumer reads the one `planning` queue (its name is what deployed brokers already have).
/// Competing planning processes share it; collisions on a row's key are retried by the queue's definition.
/// </summary>
public sealed class PlanningQueue<TConsumer>() : ServiceQueueDefinition<TConsumer>(PlanningService.QueueName, concurrentMessageLimit: 16, prefetchCount: 32)
    where TConsumer : class, IConsumer;
