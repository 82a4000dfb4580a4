using Tracking.Contracts;
using Tracking.Planning.Data;

namespace Tracking.Planning.Consumers;

public sealed class ActionPlannedConsumer(PlanningDbContext db, TimeProvider clock) : RecommendationStateConsumer<ActionPlanned>(db, clock)
{
    protected override (Guid RecommendationId, string ProviderId, RecommendationState State) StateOf(ActionPlanned message) =>
        (message.RecommendationId, message.ProviderId, message.State);

    protected override async Task ApplyDetail(ActionPlanned message, CancellationToken ct) =>
        (await Db.ActionRow(message.ActionId, ct)).Planned(message);
}
