using Microsoft.EntityFrameworkCore;
using Tracking.Contracts;
using Tracking.Planning.Data;
using Tracking.Planning.ReadModel;

namespace Tracking.Planning.Features.ViewProviderSummary;

public sealed record LastInspection(Guid Id, string? Title, string? OverallRating, DateOnly? PublishedOn);

/// <param name="Overdue">Outstanding recommendations with at least one missed deadline not yet cleared.</param>
public sealed record ProviderSummary(
    ProviderRef Provider,
    int Outstanding,
    int Closed,
    int Overdue,
    IReadOnlyDictionary<string, int> ByStatus,
    DateOnly? OldestOutstandingPublishedOn,
    LastInspection? LastInspection);

public static class ProviderSummaryQuery
{
    /// <summary>The provider's figures, or null when planning has never heard of it.</summary>
    public static async Task<ProviderSummary?> Run(PlanningDbContext db, string providerId, CancellationToken ct)
    {
        var provider = await db.Providers.AsNoTracking().FirstOrDefaultAsync(p => p.ProviderId == providerId, ct);
        if (provider is null)
        {
            return null;
        }

        var published = db.Outstanding.AsNoTracking().Where(r => r.ProviderId == providerId && !r.AwaitingPublication);
        var byStatus = await published
            .GroupBy(r => r.Status)
            .Select(g => new { Status = g.Key, Count = g.Count(), Oldest = g.Min(r => r.PublishedOn) })
            .ToListAsync(ct);
        var overdue = await published
            .Where(r => r.Status != RecommendationStatuses.Closed
                && db.MissedDeadlines.Any(d => d.RecommendationId == r.RecommendationId && !d.Cleared))
            .CountAsync(ct);
        var open = byStatus.Where(s => s.Status != RecommendationStatuses.Closed).ToList();
        return new ProviderSummary(
            new ProviderRef(provider.ProviderId, provider.Name, provider.Region),
            open.Sum(s => s.Count),
            byStatus.Where(s => s.Status == RecommendationStatuses.Closed).Sum(s => s.Count),
            overdue,
            byStatus.ToDictionary(s => s.Status, s => s.Count),
            open.Count == 0 ? null : open.Min(s => s.Oldest),
            provider.LastInspectionId is { } id
                ? new LastInspection(id, provider.LastInspectionTitle, provider.LastInspectionRating, provider.LastInspectionPublishedOn)
                : null);
    }
}
