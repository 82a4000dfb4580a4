using Tracking.Contracts;
using Tracking.Planning.Data;

namespace Tracking.Planning.Consumers;

/// <summary>The recommendation's own date comes with its state; an approved revision of one action's date moves that action.</summary>
public sealed class TargetDateRevisionDecidedConsumer(PlanningDbContext db, TimeProvider clock) : RecommendationStateConsumer<TargetDateRevisionDecided>(db, clock)
{
    protected override (Guid RecommendationId, string ProviderId, RecommendationState State) StateOf(TargetDateRevisionDecided message) =>
        (message.RecommendationId, message.ProviderId, message.State);

    protected override async Task ApplyDetail(TargetDateRevisionDecided message, CancellationToken ct)
    {
        if (message is { Approved: true, ActionId: { } actionId })
        {
            (await Db.ActionRow(actionId, ct)).Revised(message);
        }
    }
}
