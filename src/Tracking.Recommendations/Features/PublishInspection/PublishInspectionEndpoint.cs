using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tracking.Recommendations.Domain;
using Tracking.Recommendations.Features.ViewInspection;
using Tracking.ServiceDefaults.Security;
using Tracking.ServiceDefaults.OpenApi;

namespace Tracking.Recommendations.Features.PublishInspection;

/// <param name="PublishedOn">The report's publication date; defaults to today. A past date imports a historical report.</param>
public sealed record PublishInspectionRequest([property: OpenApiOptional] DateOnly? PublishedOn);

public static class PublishInspectionEndpoint
{
    public static RouteGroupBuilder MapPublishInspection(this RouteGroupBuilder inspections)
    {
        inspections.MapPost("/{id:guid}/publish", async (Guid id, PublishInspectionRequest? request, PublishInspectionHandler handler,
                CurrentUser user, TimeProvider clock, CancellationToken ct) =>
            {
                if (request?.PublishedOn is { } publishedOn && publishedOn > UkCalendar.Today(clock.GetUtcNow()))
                {
                    return Results.ValidationProblem(new Dictionary<string, string[]>
                    {
                        ["publishedOn"] = ["The publication date cannot be in the future."],
                    });
                }

                return await handler.Handle(id, request?.PublishedOn, user.Subject, user.DisplayName, ct) is { } inspection
                    ? Results.Ok(InspectionView.From(inspection))
                    : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Inspection not found", detail: $"There is no inspection {id}.");
            })
            .RequireAuthorization(TrackingPolicies.Inspectorate)
            .WithName("PublishInspection")
            .WithSummary("Publish an inspection: its recommendations become tracked actions")
            .Produces<InspectionView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return inspections;
    }
}
