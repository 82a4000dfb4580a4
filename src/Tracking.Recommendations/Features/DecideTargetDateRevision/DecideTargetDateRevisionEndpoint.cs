using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tracking.Recommendations.Features.Shared;
using Tracking.ServiceDefaults.Http;
using Tracking.ServiceDefaults.Security;
using Tracking.ServiceDefaults.OpenApi;

namespace Tracking.Recommendations.Features.DecideTargetDateRevision;

/// <summary>What an inspector may decide; a revision's Pending state is not a decision anyone can send.</summary>
public enum TargetDateDecision { Approved, Refused }

/// <param name="Decision">Approved or Refused.</param>
/// <param name="Comment">The basis for the decision.</param>
public sealed record DecideTargetDateRevisionRequest([property: OpenApiEnum(typeof(TargetDateDecision))] string? Decision, string? Comment);

public static class DecideTargetDateRevisionEndpoint
{
    public static RouteGroupBuilder MapDecideTargetDateRevision(this RouteGroupBuilder recommendations)
    {
        recommendations.MapPost("/{id:guid}/target-date-revisions/{revisionId:guid}/decision",
                async (Guid id, Guid revisionId, DecideTargetDateRevisionRequest request, RecommendationCommand command, CancellationToken ct) =>
            {
                var validation = new Validation();
                var decision = validation.Choice<TargetDateDecision>(request.Decision, "decision");
                validation.Text(request.Comment, "comment", required: true, what: "the basis for the decision");
                if (!validation.IsValid)
                {
                    return Results.ValidationProblem(validation.Errors);
                }

                return await command.Run(id,
                    (r, actor, now) => r.DecideRevision(revisionId, decision == TargetDateDecision.Approved, request.Comment!.Trim(), actor, now),
                    (r, _) => Results.Ok(RecommendationDetail.From(r)), ct);
            })
            .RequireAuthorization(TrackingPolicies.Inspectorate)
            .WithName("DecideTargetDateRevision")
            .WithSummary("Approve or refuse a requested target date, with a comment; the date moves only on approval")
            .Produces<RecommendationDetail>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return recommendations;
    }
}
