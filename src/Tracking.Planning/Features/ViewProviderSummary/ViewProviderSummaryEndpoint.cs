using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Tracking.Contracts;
using Tracking.Planning.Data;
using Tracking.Planning.ReadModel;
using Tracking.ServiceDefaults.Security;

namespace Tracking.Planning.Features.ViewProviderSummary;

public sealed record LastInspection(Guid Id, string? Title, string? OverallRating, DateOnly? PublishedOn);

public sealed record ProviderSummary(
    ProviderRef Provider,
    int Outstanding,
    int Closed,
    IReadOnlyDictionary<string, int> ByStatus,
    DateOnly? OldestOutstandingPublishedOn,
    LastInspection? LastInspection);

public static class ViewProviderSummaryEndpoint
{
    public static RouteGroupBuilder MapViewProviderSummary(this RouteGroupBuilder planning)
    {
        planning.MapGet("/providers/{providerId}/summary", async (string providerId, PlanningDbContext db, CurrentUser user, CancellationToken ct) =>
            {
                var provider = await db.Providers.AsNoTracking().FirstOrDefaultAsync(p => p.ProviderId == providerId, ct);
                if (provider is null || !user.CanSee(providerId))
                {
                    return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Provider not found",
                        detail: $"No recommendations have been published for provider '{providerId}'.");
                }

                var byStatus = await db.Outstanding.AsNoTracking()
                    .Where(r => r.ProviderId == providerId && !r.AwaitingPublication)
                    .GroupBy(r => r.Status)
                    .Select(g => new { Status = g.Key, Count = g.Count(), Oldest = g.Min(r => r.PublishedOn) })
                    .ToListAsync(ct);
                var open = byStatus.Where(s => s.Status != RecommendationStatuses.Closed).ToList();
                return Results.Ok(new ProviderSummary(
                    new ProviderRef(provider.ProviderId, provider.Name, provider.Region),
                    open.Sum(s => s.Count),
                    byStatus.Where(s => s.Status == RecommendationStatuses.Closed).Sum(s => s.Count),
                    byStatus.ToDictionary(s => s.Status, s => s.Count),
                    open.Count == 0 ? null : open.Min(s => s.Oldest),
                    provider.LastInspectionId is { } id
                        ? new LastInspection(id, provider.LastInspectionTitle, provider.LastInspectionRating, provider.LastInspectionPublishedOn)
                        : null));
            })
            .RequireAuthorization(TrackingPolicies.ReadPlanning)
            .WithName("ViewProviderSummary")
            .WithSummary("How much is outstanding and closed for one provider, by status, and its latest inspection")
            .Produces<ProviderSummary>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return planning;
    }
}
