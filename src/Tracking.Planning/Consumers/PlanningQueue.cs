using MassTransit;
using Tracking.Messaging.Topology;

namespace Tracking.Planning.Consumers;

/// <summary>
/// Every planning consumer reads the one `planning` queue (its name is what deployed brokers already have).
/// Competing planning processes share it; collisions on a row's key are retried by the definition. Four at a time: on
/// two cores more concurrency buys mostly collisions on one provider's or one recommendation's row.
/// </summary>
public sealed class PlanningQueue<TConsumer>() : ServiceQueueDefinition<TConsumer>(PlanningService.QueueName, concurrentMessageLimit: 4, prefetchCount: 16)
    where TConsumer : class, IConsumer;
