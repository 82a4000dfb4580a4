using System.Reflection;
using MassTransit;

namespace Tracking.Messaging.Topology;

/// <summary>
/// One service's queue as every process knows it, whether it hosts the service or not: the queue's name, the
/// consumers that read it (found by scanning the service's Consumers folder), the definition that carries their
/// retry, concurrency and prefetch, and the events the service publishes.
/// </summary>
public sealed class ServiceQueue
{
    private ServiceQueue(string name, IReadOnlyList<Type> consumers, Type definition, IReadOnlyList<Type> publishes)
    {
        Name = name;
        Consumers = consumers;
        Definition = definition;
        Publishes = publishes;
    }

    public string Name { get; }

    public IReadOnlyList<Type> Consumers { get; }

    /// <summary>An open generic <see cref="ServiceQueueDefinition{TConsumer}"/>, closed over each consumer.</summary>
    public Type Definition { get; }

    public IReadOnlyList<Type> Publishes { get; }

    /// <summary>Every message type a consumer of this queue reads: what the queue must be bound to.</summary>
    public IEnumerable<Type> Consumes => Consumers.SelectMany(MessageTypesOf).Distinct();

    /// <param name="definition">The service's open generic queue definition, e.g. typeof(PlanningQueue&lt;&gt;).</param>
    /// <param name="publishes">The events the service writes to its outbox.</param>
    public static ServiceQueue Scan(string name, Type definition, params Type[] publishes)
    {
        if (!definition.IsGenericTypeDefinition || !IsQueueDefinition(definition))
        {
            throw new ArgumentException($"{definition.Name} is not an open ServiceQueueDefinition<TConsumer>.", nameof(definition));
        }

        // The consumers are the concrete IConsumer types in the definition's own namespace: the service's Consumers folder.
        var consumers = definition.Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false } && t.Namespace == definition.Namespace)
            .Where(t => MessageTypesOf(t).Any())
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToList();
        return new ServiceQueue(name, consumers, definition, publishes);
    }

    /// <summary>Adds this queue's consumers, each with the queue's definition; the bus then configures one endpoint.</summary>
    public void AddConsumersTo(IRegistrationConfigurator bus)
    {
        foreach (var consumer in Consumers)
        {
            bus.AddConsumer(consumer, Definition.MakeGenericType(consumer));
        }
    }

    private static IEnumerable<Type> MessageTypesOf(Type consumer) => consumer.GetInterfaces()
        .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IConsumer<>))
        .Select(i => i.GetGenericArguments()[0]);

    private static bool IsQueueDefinition(Type type)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(ServiceQueueDefinition<>))
            {
                return true;
            }
        }

        return false;
    }
}
