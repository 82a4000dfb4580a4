using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Tracking.Contracts;
using Tracking.Recommendations.Data;
using Tracking.Recommendations.Domain;
using Tracking.ServiceDefaults.OpenApi;
using Tracking.ServiceDefaults.Security;

namespace Tracking.Recommendations.Features.ListInspections;

public sealed record InspectionSummary(Guid Id, ProviderRef Provider, string Title, DateOnly FieldworkStartedOn, DateOnly? FieldworkEndedOn,
    Rating OverallRating, InspectionStatus Status, DateOnly? PublishedOn, int Recommendations);

public static class ListInspectionsEndpoint
{
    public static RouteGroupBuilder MapListInspections(this RouteGroupBuilder inspections)
    {
        inspections.MapGet("/", async (string? providerId, string? status, RecommendationsDbContext db, CurrentUser user, CancellationToken ct) =>
            {
                InspectionStatus? wanted = null;
                if (status is not null)
                {
                    if (!Enum.TryParse<InspectionStatus>(status, out var parsed) || !Enum.GetNames<InspectionStatus>().Contains(status))
                    {
                        return Results.ValidationProblem(new Dictionary<string, string[]>
                        {
                            ["status"] = [$"Use one of: {string.Join(", ", Enum.GetNames<InspectionStatus>())}."],
                        });
                    }

                    wanted = parsed;
                }

                var query = db.Inspections.AsNoTracking().Include(i => i.Recommendations).AsQueryable();
                if (!string.IsNullOrEmpty(providerId))
                {
                    query = query.Where(i => i.ProviderId == providerId);
                }

                if (user.VisibleProviders is { } visible)
                {
                    query = query.Where(i => visible.Contains(i.ProviderId));
                }

                // Drafts are the inspectorate's working papers; providers and planners see published reports only.
                if (!user.IsInspector)
                {
                    query = query.Where(i => i.Status == InspectionStatus.Published);
                }

                if (wanted is not null)
                {
                    query = query.Where(i => i.Status == wanted);
                }

                var found = await query.ToListAsync(ct);
                return Results.Ok(found
                    .OrderBy(i => i.Status)
                    .ThenByDescending(i => i.PublishedOn)
                    .ThenByDescending(i => i.RecordedAt)
                    .Select(i => new InspectionSummary(i.Id, i.Provider, i.Title, i.FieldworkStartedOn, i.FieldworkEndedOn, i.OverallRating, i.Status,
                        i.PublishedOn, i.Recommendations.Count))
                    .ToList());
            })
            .RequireAuthorization(TrackingPolicies.ReadRecommendations)
            .WithName("ListInspections")
            .WithSummary("Inspections, drafts first and then the most recently published; drafts only for inspectors")
            .DescribeQuery(new QueryParameter("providerId", "Only this provider's inspections."),
                new QueryParameter("status", "Only inspections in this status.", Values: Enum.GetNames<InspectionStatus>()))
            .Produces<List<InspectionSummary>>()
            .ProducesValidationProblem();
        return inspections;
    }
}
