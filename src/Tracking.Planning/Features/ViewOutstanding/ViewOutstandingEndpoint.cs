using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Tracking.Contracts;
using Tracking.Planning.Data;
using Tracking.ServiceDefaults.Security;

namespace Tracking.Planning.Features.ViewOutstanding;

public sealed record OutstandingRow(
    Guid RecommendationId,
    Guid InspectionId,
    ProviderRef Provider,
    int Number,
    string Text,
    string Status,
    IReadOnlyList<string> LinkedStandards,
    IReadOnlyList<string> Addressees,
    DateOnly PublishedOn);

public static class ViewOutstandingEndpoint
{
    public static RouteGroupBuilder MapViewOutstanding(this RouteGroupBuilder planning)
    {
        planning.MapGet("/outstanding", async (string? providerId, string? region, PlanningDbContext db, CurrentUser user, CancellationToken ct) =>
            {
                var rows =
                    from r in db.Outstanding.AsNoTracking()
                    join p in db.Providers.AsNoTracking() on r.ProviderId equals p.ProviderId
                    select new { r, p };
                if (!string.IsNullOrEmpty(providerId))
                {
                    rows = rows.Where(x => x.r.ProviderId == providerId);
                }

                if (user.VisibleProviders is { } visible)
                {
                    rows = rows.Where(x => visible.Contains(x.r.ProviderId));
                }

                if (!string.IsNullOrEmpty(region))
                {
                    rows = rows.Where(x => x.p.Region == region);
                }

                var found = await rows.OrderBy(x => x.r.ProviderId).ThenBy(x => x.r.PublishedOn).ThenBy(x => x.r.Number).ToListAsync(ct);
                return found.Select(x => new OutstandingRow(
                        x.r.RecommendationId, x.r.InspectionId, new ProviderRef(x.p.ProviderId, x.p.Name, x.p.Region),
                        x.r.Number, x.r.Text, x.r.Status, x.r.LinkedStandards, x.r.Addressees, x.r.PublishedOn))
                    .ToList();
            })
            .RequireAuthorization(TrackingPolicies.ReadPlanning)
            .WithName("ListOutstanding")
            .WithSummary("Recommendations still open, by provider and region");
        return planning;
    }
}
