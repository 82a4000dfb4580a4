using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tracking.Recommendations.Features.Shared;
using Tracking.ServiceDefaults.Http;
using Tracking.ServiceDefaults.Security;
using Tracking.ServiceDefaults.OpenApi;

namespace Tracking.Recommendations.Features.AcceptResponse;

public sealed record AcceptResponseRequest([property: OpenApiOptional] string? Comment);

public static class AcceptResponseEndpoint
{
    public static RouteGroupBuilder MapAcceptResponse(this RouteGroupBuilder recommendations)
    {
        recommendations.MapPost("/{id:guid}/response/acceptance", async (Guid id, AcceptResponseRequest? request, RecommendationCommand command, CancellationToken ct) =>
            {
                var validation = new Validation().Text(request?.Comment, "comment", required: false);
                if (!validation.IsValid)
                {
                    return Results.ValidationProblem(validation.Errors);
                }

                return await command.Run(id,
                    (r, actor, now) => r.AcceptResponse(request?.Comment?.Trim(), actor, now),
                    (r, _) => Results.Ok(RecommendationDetail.From(r)), ct);
            })
            .RequireAuthorization(TrackingPolicies.Inspectorate)
            .WithName("AcceptResponse")
            .WithSummary("The inspectorate accepts the provider's current response; it can no longer be amended")
            .Produces<RecommendationDetail>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return recommendations;
    }
}
