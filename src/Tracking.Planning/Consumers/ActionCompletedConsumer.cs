using Tracking.Contracts;
using Tracking.Planning.Data;

namespace Tracking.Planning.Consumers;

public sealed class ActionCompletedConsumer(PlanningDbContext db, TimeProvider clock) : RecommendationStateConsumer<ActionCompleted>(db, clock)
{
    protected override (Guid RecommendationId, string ProviderId, RecommendationState State) StateOf(ActionCompleted message) =>
        (message.RecommendationId, message.ProviderId, message.State);

    protected override async Task ApplyDetail(ActionCompleted message, CancellationToken ct) =>
        (await Db.ActionRow(message.ActionId, ct)).Completed(message);
}
