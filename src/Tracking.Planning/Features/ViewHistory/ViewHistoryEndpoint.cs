using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Tracking.Planning.Data;
using Tracking.ServiceDefaults.Http;
using Tracking.ServiceDefaults.OpenApi;
using Tracking.ServiceDefaults.Security;

namespace Tracking.Planning.Features.ViewHistory;

public static class ViewHistoryEndpoint
{
    public static RouteGroupBuilder MapViewHistory(this RouteGroupBuilder planning)
    {
        planning.MapGet("/history", async (string? providerId, string? region, string? interval, PlanningDbContext db, CurrentUser user,
                [FromServices] TimeProvider clock, CancellationToken ct) =>
            {
                var validation = new Validation();
                var every = HistoryInterval.Month;
                if (!string.IsNullOrWhiteSpace(interval) && !Enum.TryParse(interval.Trim(), ignoreCase: true, out every))
                {
                    validation.Add("interval", $"Unknown interval '{interval}': use month, week or day.");
                }

                if (!validation.IsValid)
                {
                    return Results.ValidationProblem(validation.Errors);
                }

                if (!string.IsNullOrWhiteSpace(providerId) && !user.CanSee(providerId))
                {
                    return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Provider not found",
                        detail: $"No recommendations have been published for provider '{providerId}'.");
                }

                return Results.Ok(await HistoryQuery.Run(db, providerId, region, every, user.VisibleProviders, clock, ct));
            })
            .RequireAuthorization(TrackingPolicies.ReadPlanning)
            .WithName("ViewHistory")
            .WithSummary("Open and closed recommendations at the end of each month, week or day since the first publication, "
                + "and the progress judgements given in each period, for a provider, a region or the nation (burn-down)")
            .DescribeQuery(
                new QueryParameter("providerId", "Only this provider's recommendations."),
                new QueryParameter("region", "Only providers in this region."),
                new QueryParameter("interval", "month (the default), week or day: how far apart the points are."))
            .Produces<PlanningHistory>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return planning;
    }
}
