using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Tracking.Messaging.Inbox;

/// <summary>
/// A consumer whose effect happens at most once per message id: the inbox row, the read-model change and any
/// events raised are saved together, and a redelivered message finds its row and does nothing.
/// Two deliveries racing each other collide on the inbox key; the loser is retried and then skips.
/// </summary>
public abstract class IdempotentConsumer<TMessage, TContext>(TContext db, TimeProvider clock) : IConsumer<TMessage>
    where TMessage : class
    where TContext : MessagingDbContext
{
    protected TContext Db => db;

    protected TimeProvider Clock => clock;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"{typeof(TMessage).Name} arrived without a message id.");
        var consumer = GetType().Name;

        db.ChangeTracker.Clear();
        if (await db.Inbox.AnyAsync(m => m.MessageId == messageId && m.Consumer == consumer, context.CancellationToken))
        {
            return;
        }

        await Handle(context.Message, context);
        db.Inbox.Add(new InboxMessage { MessageId = messageId, Consumer = consumer, ProcessedAt = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(context.CancellationToken);
    }

    /// <summary>Applies the message to the context without saving; the base class saves once.</summary>
    protected abstract Task Handle(TMessage message, ConsumeContext<TMessage> context);
}
