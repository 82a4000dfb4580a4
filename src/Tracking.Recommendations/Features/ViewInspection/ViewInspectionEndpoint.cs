using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Tracking.Recommendations.Data;
using Tracking.ServiceDefaults.Security;

namespace Tracking.Recommendations.Features.ViewInspection;

public static class ViewInspectionEndpoint
{
    public static RouteGroupBuilder MapViewInspection(this RouteGroupBuilder inspections)
    {
        inspections.MapGet("/{id:guid}", async (Guid id, RecommendationsDbContext db, CurrentUser user, CancellationToken ct) =>
                await db.Inspections.AsNoTracking().Include(i => i.Recommendations).FirstOrDefaultAsync(i => i.Id == id, ct) is { } inspection
                    && user.CanSee(inspection.ProviderId)
                    ? Results.Ok(InspectionView.From(inspection))
                    : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Inspection not found", detail: $"There is no inspection {id}."))
            .RequireAuthorization(TrackingPolicies.ReadRecommendations)
            .WithName("ViewInspection")
            .WithSummary("An inspection with its standards, ratings and recommendations")
            .Produces<InspectionView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return inspections;
    }
}
