using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Tracking.Contracts;
using Tracking.Planning.Data;
using Tracking.ServiceDefaults.Security;

namespace Tracking.Planning.Features.ViewProviderSummary;

public sealed record LastInspection(Guid Id, string? Title, string? OverallRating, DateOnly? PublishedOn);

public sealed record ProviderSummary(
    ProviderRef Provider,
    int Outstanding,
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
                    .Where(r => r.ProviderId == providerId)
                    .GroupBy(r => r.Status)
                    .Select(g => new { Status = g.Key, Count = g.Count(), Oldest = g.Min(r => r.PublishedOn) })
                    .ToListAsync(ct);
                return Results.Ok(new ProviderSummary(
                    new ProviderRef(provider.ProviderId, provider.Name, provider.Region),
                    byStatus.Sum(s => s.Count),
                    byStatus.ToDictionary(s => s.Status, s => s.Count),
                    byStatus.Count == 0 ? null : byStatus.Min(s => s.Oldest),
                    provider.LastInspectionId is { } id
                        ? new LastInspection(id, provider.LastInspectionTitle, provider.LastInspectionRating, provider.LastInspectionPublishedOn)
                        : null));
            })
            .RequireAuthorization(TrackingPolicies.ReadPlanning)
            .WithName("ViewProviderSummary")
            .WithSummary("How much is outstanding for one provider, and its latest inspection")
            .Produces<ProviderSummary>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return planning;
    }
}
