using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Tracking.Recommendations.Data;
using Tracking.Recommendations.Domain;
using Tracking.Recommendations.Features.Shared;
using Tracking.ServiceDefaults.Security;
using Tracking.ServiceDefaults.OpenApi;

namespace Tracking.Recommendations.Features.ViewRecommendations;

public static class ViewRecommendationsEndpoints
{
    public static RouteGroupBuilder MapViewRecommendations(this RouteGroupBuilder recommendations)
    {
        recommendations.MapGet("/", async (string? providerId, string? status, RecommendationsDbContext db, CurrentUser user, CancellationToken ct) =>
            {
                RecommendationStatus? wanted = null;
                if (status is not null)
                {
                    if (!Enum.GetNames<RecommendationStatus>().Contains(status))
                    {
                        return Results.ValidationProblem(new Dictionary<string, string[]>
                        {
                            ["status"] = [$"Use one of: {string.Join(", ", Enum.GetNames<RecommendationStatus>())}."],
                        });
                    }

                    wanted = Enum.Parse<RecommendationStatus>(status);
                }

                var query = db.Recommendations.AsNoTracking().Include(r => r.Inspection).AsQueryable();
                if (!string.IsNullOrEmpty(providerId))
                {
                    query = query.Where(r => r.ProviderId == providerId);
                }

                if (user.VisibleProviders is { } visible)
                {
                    query = query.Where(r => visible.Contains(r.ProviderId));
                }

                if (wanted is not null)
                {
                    query = query.Where(r => r.Status == wanted);
                }

                var found = await query.OrderBy(r => r.ProviderId).ThenBy(r => r.InspectionId).ThenBy(r => r.Number).ToListAsync(ct);
                return Results.Ok(found.Select(r => RecommendationView.From(r, r.Inspection!)).ToList());
            })
            .RequireAuthorization(TrackingPolicies.ReadRecommendations)
            .WithName("ListRecommendations")
            .WithSummary("Recommendations, optionally for one provider and in one status")
            .DescribeQuery(new QueryParameter("providerId", "Only this provider's recommendations."),
                new QueryParameter("status", "Only recommendations in this status.", Values: Enum.GetNames<RecommendationStatus>()))
            .Produces<List<RecommendationView>>()
            .ProducesValidationProblem();

        recommendations.MapGet("/{id:guid}", async (Guid id, RecommendationsDbContext db, CurrentUser user, CancellationToken ct) =>
                await RecommendationDetail.Read(db, id, user, ct) is { } found ? Results.Ok(found) : RecommendationCommand.NotFound(id))
            .RequireAuthorization(TrackingPolicies.ReadRecommendations)
            .WithName("ViewRecommendation")
            .WithSummary("One recommendation with its response, action plan, evidence and revisions")
            .Produces<RecommendationDetail>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return recommendations;
    }
}
