using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
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
                string? providerId, string? region, string? status, string? overdue, PlanningDbContext db, CurrentUser user,
                [FromServices] TimeProvider clock, CancellationToken ct) =>
            {
                var validation = ReadFilter(providerId, region, status, overdue, user.VisibleProviders, out var filter);
                return validation.IsValid
                    ? Results.Ok(await OutstandingQuery.Run(db, filter, clock, ct))
                    : Results.ValidationProblem(validation.Errors);
            })
            .RequireAuthorization(TrackingPolicies.ReadPlanning)
            .WithName("ListOutstanding")
            .WithSummary("Recommendations not yet closed, by provider, region, status and overdue (status=Closed lists the closed ones)")
            .Produces<List<OutstandingRow>>()
            .ProducesValidationProblem();
        return planning;
    }

    /// <summary>Reads the query string as a filter; each parameter that cannot be read is named in the result.</summary>
    public static Validation ReadFilter(
        string? providerId, string? region, string? status, string? overdue, IReadOnlyList<string>? visibleProviders,
        out OutstandingFilter filter)
    {
        var validation = new Validation();
        string? known = null;
        if (!string.IsNullOrWhiteSpace(status) && !RecommendationStatuses.TryRead(status, out known))
        {
            validation.Add("status", $"Unknown status '{status}': use one of {string.Join(", ", RecommendationStatuses.All)}.");
        }

        bool? overdueOnly = null;
        if (!string.IsNullOrWhiteSpace(overdue))
        {
            if (bool.TryParse(overdue.Trim(), out var parsed))
            {
                overdueOnly = parsed;
            }
            else
            {
                validation.Add("overdue", $"'{overdue}' is not a yes/no value: use overdue=true or overdue=false.");
            }
        }

        filter = new OutstandingFilter(providerId, region, known, visibleProviders, overdueOnly);
        return validation;
    }
}
