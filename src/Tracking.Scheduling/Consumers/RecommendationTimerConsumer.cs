using MassTransit;
using Tracking.Contracts;
using Tracking.Messaging.Inbox;
using Tracking.Scheduling.Data;
using Tracking.Scheduling.Deadlines;

namespace Tracking.Scheduling.Consumers;

/// <summary>
/// The one shape of every reaction to a recommendation's event, in this order: claim its timer row (so two events
/// about it take turns), record what happened whatever its state (a deadline met, a closure), start or move
/// deadlines only while it is open, then follow the target date the event's state carries. All on the consumer's
/// context: the change, the events it raises and the inbox row commit together.
/// </summary>
public abstract class RecommendationTimerConsumer<TMessage>(SchedulingDbContext db, TimeProvider clock, DeadlineBook deadlines)
    : IdempotentConsumer<TMessage, SchedulingDbContext>(db, clock)
    where TMessage : class
{
    protected DeadlineBook Deadlines => deadlines;

    protected abstract (Guid RecommendationId, string ProviderId, RecommendationState? State) About(TMessage message);

    /// <summary>What the event settles, closed or not: a "done" may arrive after the recommendation closed.</summary>
    protected virtual Task Record(TMessage message, TimedRecommendation timed, CancellationToken ct) => Task.CompletedTask;

    /// <summary>What the event starts or moves; never called for a closed recommendation.</summary>
    protected virtual Task WhileOpen(TMessage message, CancellationToken ct) => Task.CompletedTask;

    protected override async Task Handle(TMessage message, ConsumeContext<TMessage> context)
    {
        var ct = context.CancellationToken;
        var (recommendationId, providerId, state) = About(message);
        var timed = await deadlines.Claim(recommendationId, providerId, ct);
        await Record(message, timed, ct);
        if (timed.Closed || await deadlines.IsClosed(recommendationId, state, ct))
        {
            return;
        }

        await WhileOpen(message, ct);
        await deadlines.FollowTargetDate(recommendationId, providerId, state, ct);
    }
}
