using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tracking.Planning.Data;
using Tracking.ServiceDefaults.Security;

namespace Tracking.Planning.Features.ViewProviderSummary;

public static class ViewProviderSummaryEndpoint
{
    public static RouteGroupBuilder MapViewProviderSummary(this RouteGroupBuilder planning)
    {
        planning.MapGet("/providers/{providerId}/summary", async (string providerId, PlanningDbContext db, CurrentUser user, CancellationToken ct) =>
            {
                var summary = user.CanSee(providerId) ? await ProviderSummaryQuery.Run(db, providerId, ct) : null;
                return summary is null
                    ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Provider not found",
                        detail: $"No recommendations have been published for provider '{providerId}'.")
                    : Results.Ok(summary);
            })
            .RequireAuthorization(TrackingPolicies.ReadPlanning)
            .WithName("ViewProviderSummary")
            .WithSummary("How much is outstanding, overdue and closed for one provider, by status, and its latest inspection")
            .Produces<ProviderSummary>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return planning;
    }
}
