using MassTransit;
using Tracking.Messaging.Topology;

namespace Tracking.Notifications.Consumers;

/// <summary>Every notifications consumer reads the one `notifications` queue; competing processes share it.</summary>
public sealed class NotificationsQueue<TConsumer>() : ServiceQueueDefinition<TConsumer>(NotificationsService.QueueName, concurrentMessageLimit: 4, prefetchCount: 16)
    where TConsumer : class, IConsumer;
