using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tracking.Planning.Data;
using Tracking.ServiceDefaults.Security;

namespace Tracking.Planning.Features.ViewRegions;

public static class ViewRegionsEndpoint
{
    public static RouteGroupBuilder MapViewRegions(this RouteGroupBuilder planning)
    {
        planning.MapGet("/regions", async (PlanningDbContext db, CurrentUser user, CancellationToken ct) =>
                Results.Ok(await RegionFiguresQuery.Overview(db, user.VisibleProviders, ct)))
            .RequireAuthorization(TrackingPolicies.ReadPlanning)
            .WithName("ViewRegions")
            .WithSummary("Outstanding, overdue, progress and oldest open recommendation for each region and nationally")
            .Produces<RegionsOverview>();

        planning.MapGet("/regions/{region}", async (string region, PlanningDbContext db, CurrentUser user, CancellationToken ct) =>
                await RegionFiguresQuery.Region(db, region, user.VisibleProviders, ct) is { } detail
                    ? Results.Ok(detail)
                    : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Region not found",
                        detail: $"Planning knows no provider in region '{region}'."))
            .RequireAuthorization(TrackingPolicies.ReadPlanning)
            .WithName("ViewRegion")
            .WithSummary("The same figures for each provider in one region, most at risk of slippage first")
            .Produces<RegionDetail>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return planning;
    }
}
