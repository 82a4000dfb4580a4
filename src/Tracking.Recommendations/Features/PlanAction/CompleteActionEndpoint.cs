using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tracking.Recommendations.Features.Shared;
using Tracking.ServiceDefaults.Security;

namespace Tracking.Recommendations.Features.PlanAction;

public static class CompleteActionEndpoint
{
    public static RouteGroupBuilder MapCompleteAction(this RouteGroupBuilder recommendations)
    {
        recommendations.MapPost("/{id:guid}/actions/{actionId:guid}/completion", async (Guid id, Guid actionId, RecommendationCommand command, CancellationToken ct) =>
                await command.Run(id,
                    (r, actor, now) => r.CompleteAction(actionId, actor, now),
                    (r, _) => Results.Ok(RecommendationDetail.From(r)), ct))
            .RequireAuthorization(TrackingPolicies.ProviderWork)
            .WithName("CompleteAction")
            .WithSummary("Mark an action in the provider's plan as done")
            .Produces<RecommendationDetail>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return recommendations;
    }
}
