using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tracking.Recommendations.Features.Shared;
using Tracking.ServiceDefaults.Http;
using Tracking.ServiceDefaults.Security;
using Tracking.ServiceDefaults.OpenApi;

namespace Tracking.Recommendations.Features.RequestTargetDateRevision;

/// <param name="ActionId">The action whose date should move; omitted for the recommendation's own target date.</param>
/// <param name="RequestedDate">The date asked for; not in the past (UK date).</param>
/// <param name="Reason">Why the date will slip.</param>
public sealed record RequestTargetDateRevisionRequest([property: OpenApiOptional] Guid? ActionId, DateOnly? RequestedDate, string? Reason);

public static class RequestTargetDateRevisionEndpoint
{
    public static RouteGroupBuilder MapRequestTargetDateRevision(this RouteGroupBuilder recommendations)
    {
        // A provider never edits a date itself: it asks, and the date moves only when the inspectorate approves.
        recommendations.MapPost("/{id:guid}/target-date-revisions", async (Guid id, RequestTargetDateRevisionRequest request, RecommendationCommand command, CancellationToken ct) =>
            {
                var validation = new Validation()
                    .Text(request.Reason, "reason", required: true, what: "the reason the date needs to move");
                if (request.RequestedDate is null)
                {
                    validation.Add("requestedDate", "Enter the date you are asking for.");
                }
                else
                {
                    validation.Require(request.RequestedDate >= command.Today, "requestedDate", "The requested date cannot be in the past.")
                        .WithinHorizon(request.RequestedDate, command.Today, "requestedDate");
                }

                if (!validation.IsValid)
                {
                    return Results.ValidationProblem(validation.Errors);
                }

                return await command.Run(id,
                    (r, actor, now) => r.RequestRevision(request.ActionId, request.RequestedDate!.Value, request.Reason!.Trim(), actor, now),
                    (r, requested) => Results.Created($"/api/recommendations/{id}/target-date-revisions/{requested.RevisionId}", RecommendationDetail.From(r)), ct);
            })
            .RequireAuthorization(TrackingPolicies.ProviderWork)
            .WithName("RequestTargetDateRevision")
            .WithSummary("Ask the inspectorate to move the target date of an action or of the recommendation, with a reason")
            .Produces<RecommendationDetail>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return recommendations;
    }
}
