using Microsoft.EntityFrameworkCore;
using Tracking.Contracts;
using Tracking.Planning.Data;
using Tracking.Planning.ReadModel;
using Tracking.ServiceDefaults.OpenApi;

namespace Tracking.Planning.Features.ViewProviderSummary;

public sealed record LastInspection(Guid Id, string? Title,
    [property: OpenApiEnum("Rating", "Outstanding", "Good", "RequiresImprovement", "Inadequate")] string? OverallRating, DateOnly? PublishedOn);

/// <param name="Overdue">Outstanding recommendations with at least one missed deadline not yet cleared.</param>
/// <param name="Escalated">Overdue ones with an uncleared missed deadline that scheduling has escalated (optional in the contract: added after 1.0.0).</param>
public sealed record ProviderSummary(
    ProviderRef Provider,
    int Outstanding,
    int Closed,
    int Overdue,
    IReadOnlyDictionary<string, int> ByStatus,
    DateOnly? OldestOutstandingPublishedOn,
    LastInspection? LastInspection,
    double AtLeastReasonableProgressShare,
    double? AverageDaysToClose,
    [property: OpenApiOptional] int Escalated);

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
        var escalated = await published
            .Where(r => r.Status != RecommendationStatuses.Closed
                && db.MissedDeadlines.Any(d => d.RecommendationId == r.RecommendationId && !d.Cleared && d.Escalated))
            .CountAsync(ct);
        var open = byStatus.Where(s => s.Status != RecommendationStatuses.Closed).ToList();
        var total = byStatus.Sum(s => s.Count);
        var progressing = await published.CountAsync(r => r.LastProgressJudgement == "ReasonableProgress" || r.LastProgressJudgement == "GoodProgress", ct);
        // Days from the report's publication to closure, averaged in memory: one provider's closed recommendations are few.
        var closures = await published.Where(r => r.ClosedAt != null).Select(r => new { r.PublishedOn, r.ClosedAt }).ToListAsync(ct);
        return new ProviderSummary(
            new ProviderRef(provider.ProviderId, provider.Name, provider.Region),
            open.Sum(s => s.Count),
            byStatus.Where(s => s.Status == RecommendationStatuses.Closed).Sum(s => s.Count),
            overdue,
            // In lifecycle order: the grouping's own order is the database's hashing, which a rebuild can change.
            byStatus.OrderBy(s => Lifecycle(s.Status)).ThenBy(s => s.Status, StringComparer.Ordinal).ToDictionary(s => s.Status, s => s.Count),
            open.Count == 0 ? null : open.Min(s => s.Oldest),
            provider.LastInspectionId is { } id
                ? new LastInspection(id, provider.LastInspectionTitle, provider.LastInspectionRating, provider.LastInspectionPublishedOn)
                : null,
            total == 0 ? 0 : Math.Round((double)progressing / total, 3),
            closures.Count == 0 ? null : Math.Round(closures.Average(c => (c.ClosedAt!.Value.Date - c.PublishedOn.ToDateTime(TimeOnly.MinValue)).TotalDays), 1),
            escalated);
    }

    private static int Lifecycle(string status) => RecommendationStatuses.All.ToList().IndexOf(status) is var at and >= 0 ? at : int.MaxValue;
}
