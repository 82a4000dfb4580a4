using MassTransit;
using Tracking.Contracts;
using Tracking.Planning.Data;
using Tracking.ServiceDefaults.Inbox;

namespace Tracking.Planning.ReadModel;

/// <summary>
/// Every lifecycle event carries the recommendation's state after the change; the row keeps the newest version,
/// so duplicates and events arriving out of order converge on the same answer.
/// </summary>
public abstract class RecommendationStateConsumer<TMessage>(
    PlanningDbContext db, TimeProvider clock, Func<TMessage, (Guid RecommendationId, string ProviderId, RecommendationState State)> read)
    : IdempotentConsumer<TMessage, PlanningDbContext>(db, clock)
    where TMessage : class
{
    protected override async Task Handle(TMessage message, ConsumeContext<TMessage> context)
    {
        var (recommendationId, providerId, state) = read(message);
        var row = await Db.Outstanding.FindAsync([recommendationId], context.CancellationToken);
        if (row is null)
        {
            // A placeholder rather than a retry: RecommendationPublished may come later than any retry waits, and would fill it in.
            row = OutstandingRecommendation.Placeholder(recommendationId, providerId);
            Db.Outstanding.Add(row);
        }

        row.Apply(state);
    }
}

public sealed class ProviderRespondedConsumer(PlanningDbContext db, TimeProvider clock)
    : RecommendationStateConsumer<ProviderResponded>(db, clock, e => (e.RecommendationId, e.ProviderId, e.State));

public sealed class ResponseAcceptedConsumer(PlanningDbContext db, TimeProvider clock)
    : RecommendationStateConsumer<ResponseAccepted>(db, clock, e => (e.RecommendationId, e.ProviderId, e.State));

public sealed class ActionPlannedConsumer(PlanningDbContext db, TimeProvider clock)
    : RecommendationStateConsumer<ActionPlanned>(db, clock, e => (e.RecommendationId, e.ProviderId, e.State));

public sealed class ActionCompletedConsumer(PlanningDbContext db, TimeProvider clock)
    : RecommendationStateConsumer<ActionCompleted>(db, clock, e => (e.RecommendationId, e.ProviderId, e.State));

public sealed class EvidenceSubmittedConsumer(PlanningDbContext db, TimeProvider clock)
    : RecommendationStateConsumer<EvidenceSubmitted>(db, clock, e => (e.RecommendationId, e.ProviderId, e.State));

public sealed class EvidenceReviewedConsumer(PlanningDbContext db, TimeProvider clock)
    : RecommendationStateConsumer<EvidenceReviewed>(db, clock, e => (e.RecommendationId, e.ProviderId, e.State));

public sealed class TargetDateRevisionRequestedConsumer(PlanningDbContext db, TimeProvider clock)
    : RecommendationStateConsumer<TargetDateRevisionRequested>(db, clock, e => (e.RecommendationId, e.ProviderId, e.State));

public sealed class TargetDateRevisionDecidedConsumer(PlanningDbContext db, TimeProvider clock)
    : RecommendationStateConsumer<TargetDateRevisionDecided>(db, clock, e => (e.RecommendationId, e.ProviderId, e.State));

public sealed class RecommendationClosedConsumer(PlanningDbContext db, TimeProvider clock)
    : RecommendationStateConsumer<RecommendationClosed>(db, clock, e => (e.RecommendationId, e.ProviderId, e.State));
