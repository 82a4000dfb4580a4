using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tracking.Recommendations.Features.ViewInspection;
using Tracking.ServiceDefaults.Security;

namespace Tracking.Recommendations.Features.RecordInspection;

public static class RecordInspectionEndpoint
{
    public static RouteGroupBuilder MapRecordInspection(this RouteGroupBuilder inspections)
    {
        inspections.MapPost("/", async (RecordInspectionRequest request, RecordInspectionHandler handler, CurrentUser user, CancellationToken ct) =>
            {
                var validation = RecordInspectionValidator.Validate(request);
                if (!validation.IsValid)
                {
                    return Results.ValidationProblem(validation.Errors);
                }

                var inspection = await handler.Handle(request, user.Subject, ct);
                return Results.Created($"/api/inspections/{inspection.Id}", InspectionView.From(inspection));
            })
            .RequireAuthorization(TrackingPolicies.Inspectorate)
            .WithName("RecordInspection")
            .WithSummary("Record an inspection with its ratings and recommendations, as a draft")
            .Produces<InspectionView>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
        return inspections;
    }
}
