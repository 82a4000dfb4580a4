using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tracking.Public.Http;

namespace Tracking.Public.Features.ViewInspection;

internal static class ViewInspectionEndpoint
{
    public static RouteGroupBuilder MapViewInspection(this RouteGroupBuilder group)
    {
        group.MapGet("/inspections/{inspectionId:guid}", async (Guid inspectionId, PublicReads reads, HttpContext http, CancellationToken ct) =>
                await reads.Inspection(inspectionId, ct) is { } inspection
                    ? PublicAnswers.Json(http, inspection.Value, inspection.LastModified)
                    : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Inspection not found",
                        detail: $"No published inspection has the id {inspectionId}."))
            .AllowAnonymous()
            .WithName("ViewPublicInspection")
            .WithSummary("A published inspection with its recommendations: public status, response category, dates, progress judgements and status changes")
            .Produces<PublicInspectionView>()
            .Produces(StatusCodes.Status304NotModified)
            .CachedForEveryone()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }
}
