using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tracking.Planning.Data;
using Tracking.ServiceDefaults.Security;
using Tracking.ServiceDefaults.OpenApi;

namespace Tracking.Planning.Features.ViewThemes;

public static class ViewThemesEndpoint
{
    public static RouteGroupBuilder MapViewThemes(this RouteGroupBuilder planning)
    {
        planning.MapGet("/themes", async (string? region, PlanningDbContext db, CurrentUser user, CancellationToken ct) =>
                Results.Ok(await ThemesQuery.Run(db, region, user.VisibleProviders, ct)))
            .RequireAuthorization(TrackingPolicies.ReadPlanning)
            .WithName("ViewThemes")
            .WithSummary("Recurring weaknesses: open recommendations counted by linked standard across providers, optionally in one region")
            .DescribeQuery(new QueryParameter("region", "Only providers in this region."))
            .Produces<ThemesOverview>();
        return planning;
    }
}
