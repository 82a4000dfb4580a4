using System.Collections.Concurrent;
using MassTransit;

namespace Tracking.IntegrationTests.Infrastructure;

/// <summary>Counts, per message id, how often a host's consumers finished or faulted on a message.</summary>
public sealed class ConsumeCounter : IConsumeObserver
{
    private readonly ConcurrentDictionary<Guid, int> _completed = new();
    private readonly ConcurrentDictionary<Guid, int> _faulted = new();

    public int Completed(Guid messageId) => _completed.GetValueOrDefault(messageId);

    public int Faulted(Guid messageId) => _faulted.GetValueOrDefault(messageId);

    public int CompletedOf<T>() => _completedByType.GetValueOrDefault(typeof(T));

    public int TotalFaults => _faulted.Values.Sum();

    /// <summary>Messages consumed more than once (redeliveries the inbox had to absorb).</summary>
    public int Redelivered => _completed.Values.Count(n => n > 1);

    private readonly ConcurrentDictionary<Type, int> _completedByType = new();

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        _completed.AddOrUpdate(context.MessageId ?? Guid.Empty, 1, (_, n) => n + 1);
        _completedByType.AddOrUpdate(typeof(T), 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class
    {
        _faulted.AddOrUpdate(context.MessageId ?? Guid.Empty, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }
}
