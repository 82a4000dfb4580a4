using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tracking.Recommendations.Domain;
using Tracking.Recommendations.Features.Shared;
using Tracking.ServiceDefaults.Http;
using Tracking.ServiceDefaults.Security;
using Tracking.ServiceDefaults.OpenApi;

namespace Tracking.Recommendations.Features.ReviewEvidence;

/// <param name="Outcome">Accepted or MoreNeeded.</param>
/// <param name="ProgressJudgement">Optional: NoMeaningfulProgress, InsufficientProgress, ReasonableProgress or GoodProgress.</param>
public sealed record ReviewEvidenceRequest(
    [property: OpenApiEnum(typeof(ReviewOutcome))] string? Outcome,
    string? Comment,
    [property: OpenApiOptional, OpenApiEnum(typeof(ProgressJudgement))] string? ProgressJudgement);

public static class ReviewEvidenceEndpoint
{
    public static RouteGroupBuilder MapReviewEvidence(this RouteGroupBuilder recommendations)
    {
        recommendations.MapPost("/{id:guid}/evidence/{evidenceId:guid}/review", async (Guid id, Guid evidenceId, ReviewEvidenceRequest request,
                RecommendationCommand command, CancellationToken ct) =>
            {
                var validation = new Validation();
                var outcome = validation.Choice<ReviewOutcome>(request.Outcome, "outcome");
                validation.Text(request.Comment, "comment", required: true, what: "a comment on the evidence");
                var judgement = validation.Choice<ProgressJudgement>(request.ProgressJudgement, "progressJudgement", required: false);
                if (!validation.IsValid)
                {
                    return Results.ValidationProblem(validation.Errors);
                }

                return await command.Run(id,
                    (r, actor, now) => r.ReviewEvidence(evidenceId, outcome!.Value, request.Comment!.Trim(), judgement, actor, now),
                    (r, _) => Results.Ok(RecommendationDetail.From(r)), ct);
            })
            .RequireAuthorization(TrackingPolicies.Inspectorate)
            .WithName("ReviewEvidence")
            .WithSummary("The inspectorate's judgement of an evidence submission: Accepted or MoreNeeded, with an optional progress judgement")
            .Produces<RecommendationDetail>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return recommendations;
    }
}
