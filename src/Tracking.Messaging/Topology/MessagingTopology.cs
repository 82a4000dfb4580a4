namespace Tracking.Messaging.Topology;

/// <summary>
/// Every service's queue, known to every process whatever roles it hosts, and the event types they exchange:
/// the relay's map from an outbox row's type name to the contract it deserialises to.
/// </summary>
public sealed class MessagingTopology
{
    private readonly Dictionary<string, Type> _eventTypes;

    public MessagingTopology(params ServiceQueue[] queues)
    {
        Queues = queues;
        _eventTypes = queues.SelectMany(q => q.Consumes.Concat(q.Publishes))
            .Distinct()
            .ToDictionary(t => t.FullName!, StringComparer.Ordinal);
    }

    public IReadOnlyList<ServiceQueue> Queues { get; }

    public IEnumerable<Type> EventTypes => _eventTypes.Values;

    public Type? EventType(string fullName) => _eventTypes.GetValueOrDefault(fullName);
}
