using MassTransit;
using Tracking.Contracts;
using Tracking.Messaging.Inbox;
using Tracking.Planning.Data;
using Tracking.Planning.ReadModel;

namespace Tracking.Planning.Consumers;

/// <summary>
/// Every lifecycle event carries the recommendation's state after the change; the row keeps the newest version,
/// so duplicates and events arriving out of order converge on the same answer. What else an event changes (an
/// action, a piece of evidence) is applied in the same transaction, under the same inbox row.
/// </summary>
public abstract class RecommendationStateConsumer<TMessage>(PlanningDbContext db, TimeProvider clock)
    : IdempotentConsumer<TMessage, PlanningDbContext>(db, clock)
    where TMessage : class
{
    protected abstract (Guid RecommendationId, string ProviderId, RecommendationState State) StateOf(TMessage message);

    /// <summary>What the event changes beside the recommendation's own row; nothing by default.</summary>
    protected virtual Task ApplyDetail(TMessage message, CancellationToken ct) => Task.CompletedTask;

    protected override async Task Handle(TMessage message, ConsumeContext<TMessage> context)
    {
        var (recommendationId, providerId, state) = StateOf(message);
        var row = await Db.Outstanding.FindAsync([recommendationId], context.CancellationToken);
        if (row is null)
        {
            // A placeholder rather than a retry: RecommendationPublished may come later than any retry waits, and would fill it in.
            row = OutstandingRecommendation.Placeholder(recommendationId, providerId);
            Db.Outstanding.Add(row);
        }

        row.Apply(state);
        await ApplyDetail(message, context.CancellationToken);
    }
}
