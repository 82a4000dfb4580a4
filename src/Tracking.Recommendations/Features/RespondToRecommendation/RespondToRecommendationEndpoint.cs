using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tracking.Recommendations.Domain;
using Tracking.Recommendations.Features.Shared;
using Tracking.ServiceDefaults.Http;
using Tracking.ServiceDefaults.Security;
using Tracking.ServiceDefaults.OpenApi;

namespace Tracking.Recommendations.Features.RespondToRecommendation;

/// <param name="Response">Agreed, PartlyAgreed or NotAgreed.</param>
/// <param name="Rationale">Why; required unless Agreed.</param>
/// <param name="TargetDate">Optional date by which the whole recommendation will be implemented.</param>
public sealed record RespondRequest(
    [property: OpenApiEnum(typeof(ResponseKind))] string? Response,
    [property: OpenApiOptional] string? Rationale,
    [property: OpenApiOptional] DateOnly? TargetDate);

public static class RespondToRecommendationEndpoint
{
    public static RouteGroupBuilder MapRespondToRecommendation(this RouteGroupBuilder recommendations)
    {
        recommendations.MapPut("/{id:guid}/response", async (Guid id, RespondRequest request, RecommendationCommand command, CancellationToken ct) =>
            {
                var validation = new Validation();
                var kind = validation.Choice<ResponseKind>(request.Response, "response");
                validation.Text(request.Rationale, "rationale", required: kind is not ResponseKind.Agreed, what: "the rationale for this response");
                validation.Require(request.TargetDate is null || request.TargetDate >= command.Today, "targetDate", "The target date cannot be in the past.");
                validation.WithinHorizon(request.TargetDate, command.Today, "targetDate");
                if (!validation.IsValid)
                {
                    return Results.ValidationProblem(validation.Errors);
                }

                return await command.Run(id,
                    (r, actor, now) => r.Respond(kind!.Value, request.Rationale?.Trim(), request.TargetDate, actor, now),
                    (r, _) => Results.Ok(RecommendationDetail.From(r)), ct);
            })
            .RequireAuthorization(TrackingPolicies.ProviderWork)
            .WithName("RespondToRecommendation")
            .WithSummary("The provider's response: Agreed, PartlyAgreed or NotAgreed; amendable until the inspectorate accepts it")
            .Produces<RecommendationDetail>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return recommendations;
    }
}
