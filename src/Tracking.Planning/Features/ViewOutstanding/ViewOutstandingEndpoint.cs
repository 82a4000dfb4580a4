using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tracking.Planning.Data;
using Tracking.Planning.ReadModel;
using Tracking.ServiceDefaults.Http;
using Tracking.ServiceDefaults.Security;

namespace Tracking.Planning.Features.ViewOutstanding;

public static class ViewOutstandingEndpoint
{
    public static RouteGroupBuilder MapViewOutstanding(this RouteGroupBuilder planning)
    {
        planning.MapGet("/outstanding", async (
                string? providerId, string? region, string? status, PlanningDbContext db, CurrentUser user, CancellationToken ct) =>
            {
                string? known = null;
                if (!string.IsNullOrWhiteSpace(status) && !RecommendationStatuses.TryRead(status, out known))
                {
                    return Results.ValidationProblem(new Validation()
                        .Add("status", $"Unknown status '{status}': use one of {string.Join(", ", RecommendationStatuses.All)}.").Errors);
                }

                return Results.Ok(await OutstandingQuery.Run(db, new OutstandingFilter(providerId, region, known, user.VisibleProviders), ct));
            })
            .RequireAuthorization(TrackingPolicies.ReadPlanning)
            .WithName("ListOutstanding")
            .WithSummary("Recommendations not yet closed, by provider, region and status (status=Closed lists the closed ones)")
            .Produces<List<OutstandingRow>>()
            .ProducesValidationProblem();
        return planning;
    }
}
