using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tracking.Recommendations.Domain;
using Tracking.Recommendations.Features.Shared;
using Tracking.ServiceDefaults.Http;
using Tracking.ServiceDefaults.Security;
using Tracking.ServiceDefaults.OpenApi;

namespace Tracking.Recommendations.Features.CloseRecommendation;

/// <param name="ClosedAs">Implemented or NotImplemented.</param>
public sealed record CloseRequest([property: OpenApiEnum(typeof(ClosureKind))] string? ClosedAs, string? Comment);

public static class CloseRecommendationEndpoint
{
    public static RouteGroupBuilder MapCloseRecommendation(this RouteGroupBuilder recommendations)
    {
        recommendations.MapPost("/{id:guid}/close", async (Guid id, CloseRequest request, RecommendationCommand command, CancellationToken ct) =>
            {
                var validation = new Validation();
                var kind = validation.Choice<ClosureKind>(request.ClosedAs, "closedAs");
                validation.Text(request.Comment, "comment", required: true, what: "the basis for closing");
                if (!validation.IsValid)
                {
                    return Results.ValidationProblem(validation.Errors);
                }

                return await command.Run(id,
                    (r, actor, now) => r.Close(kind!.Value, request.Comment!.Trim(), actor, now),
                    (r, _) => Results.Ok(RecommendationDetail.From(r)), ct);
            })
            .RequireAuthorization(TrackingPolicies.Inspectorate)
            .WithName("CloseRecommendation")
            .WithSummary("Close a recommendation as Implemented or NotImplemented; it then accepts no further changes")
            .Produces<RecommendationDetail>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return recommendations;
    }
}
