using Microsoft.EntityFrameworkCore;
using Tracking.Contracts;
using Tracking.Planning.Data;
using Tracking.Planning.ReadModel;
using Tracking.ServiceDefaults.OpenApi;

namespace Tracking.Planning.Features.ViewRegions;

/// <param name="Outstanding">Recommendations not yet closed.</param>
/// <param name="Overdue">Outstanding recommendations with a missed deadline not yet cleared.</param>
/// <param name="AtLeastReasonableProgress">Outstanding ones whose last progress judgement is reasonable or good.</param>
/// <param name="ReasonableProgressShare">That count as a share (0–1, four places) of the outstanding; null when none is outstanding.</param>
/// <param name="OldestOpenPublishedOn">When the longest-outstanding recommendation was published.</param>
/// <param name="Escalated">Overdue ones with an uncleared missed deadline that scheduling has escalated (optional in the contract: added after 1.0.0).</param>
public sealed record ProviderFigures(
    ProviderRef Provider, int Outstanding, int Overdue, int AtLeastReasonableProgress, double? ReasonableProgressShare,
    DateOnly? OldestOpenPublishedOn,
    [property: OpenApiOptional] int Escalated);

/// <param name="Providers">Providers planning knows in the region (those the person may see).</param>
public sealed record RegionFigures(
    string Region, int Providers, int Outstanding, int Overdue, int AtLeastReasonableProgress, double? ReasonableProgressShare,
    DateOnly? OldestOpenPublishedOn,
    [property: OpenApiOptional] int Escalated);

public sealed record NationalFigures(
    int Regions, int Providers, int Outstanding, int Overdue, int AtLeastReasonableProgress, double? ReasonableProgressShare,
    DateOnly? OldestOpenPublishedOn)
{
    /// <summary>The regions' escalated counts added up. Not a constructor parameter, so the contract has it optional
    /// (added after 1.0.0): the schema transformer does not see [OpenApiOptional] on a record nested as a property.</summary>
    public int Escalated { get; init; }
}

public sealed record RegionsOverview(IReadOnlyList<RegionFigures> Regions, NationalFigures National);

/// <param name="Providers">Ranked by risk of slippage: most overdue first, then the oldest still open.</param>
public sealed record RegionDetail(RegionFigures Totals, IReadOnlyList<ProviderFigures> Providers);

public static class RegionFiguresQuery
{
    /// <summary>Judgements that count as at least reasonable progress.</summary>
    public static readonly IReadOnlyList<string> AtLeastReasonable = ["ReasonableProgress", "GoodProgress"];

    public static async Task<RegionsOverview> Overview(PlanningDbContext db, IReadOnlyList<string>? visibleProviders, CancellationToken ct)
    {
        var providers = await PerProvider(db, visibleProviders, ct);
        var regions = providers
            .GroupBy(p => p.Provider.Region)
            .Select(g => Total(g.Key, g.ToList()))
            .OrderBy(r => r.Region, StringComparer.Ordinal)
            .ToList();
        var national = Total("", providers);
        return new RegionsOverview(regions, new NationalFigures(
            regions.Count, national.Providers, national.Outstanding, national.Overdue, national.AtLeastReasonableProgress,
            national.ReasonableProgressShare, national.OldestOpenPublishedOn) { Escalated = national.Escalated });
    }

    /// <summary>The region's providers ranked by risk of slippage, or null when the person can see no provider there.</summary>
    public static async Task<RegionDetail?> Region(
        PlanningDbContext db, string region, IReadOnlyList<string>? visibleProviders, CancellationToken ct)
    {
        var inRegion = (await PerProvider(db, visibleProviders, ct))
            .Where(p => string.Equals(p.Provider.Region, region.Trim(), StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(p => p.Overdue)
            .ThenBy(p => p.OldestOpenPublishedOn ?? DateOnly.MaxValue)
            .ThenByDescending(p => p.Outstanding)
            .ThenBy(p => p.Provider.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Provider.Id, StringComparer.Ordinal)
            .ToList();
        return inRegion.Count == 0 ? null : new RegionDetail(Total(inRegion[0].Provider.Region, inRegion), inRegion);
    }

    /// <summary>One database round trip per figure, grouped by provider; regions and the nation are summed from these.</summary>
    private static async Task<List<ProviderFigures>> PerProvider(
        PlanningDbContext db, IReadOnlyList<string>? visibleProviders, CancellationToken ct)
    {
        var providers = db.Providers.AsNoTracking();
        var open = db.Outstanding.AsNoTracking().Where(r => !r.AwaitingPublication && r.Status != RecommendationStatuses.Closed);
        if (visibleProviders is { } visible)
        {
            providers = providers.Where(p => visible.Contains(p.ProviderId));
            open = open.Where(r => visible.Contains(r.ProviderId));
        }

        var reasonable = AtLeastReasonable;
        var counts = await open
            .GroupBy(r => r.ProviderId)
            .Select(g => new
            {
                ProviderId = g.Key,
                Outstanding = g.Count(),
                Reasonable = g.Count(r => r.LastProgressJudgement != null && reasonable.Contains(r.LastProgressJudgement)),
                Oldest = g.Min(r => r.PublishedOn),
            })
            .ToDictionaryAsync(c => c.ProviderId, ct);
        var overdue = await open
            .Where(r => db.MissedDeadlines.Any(d => d.RecommendationId == r.RecommendationId && !d.Cleared))
            .GroupBy(r => r.ProviderId)
            .Select(g => new { ProviderId = g.Key, Overdue = g.Count() })
            .ToDictionaryAsync(c => c.ProviderId, c => c.Overdue, ct);
        var escalated = await open
            .Where(r => db.MissedDeadlines.Any(d => d.RecommendationId == r.RecommendationId && !d.Cleared && d.Escalated))
            .GroupBy(r => r.ProviderId)
            .Select(g => new { ProviderId = g.Key, Escalated = g.Count() })
            .ToDictionaryAsync(c => c.ProviderId, c => c.Escalated, ct);
        return (await providers.ToListAsync(ct))
            .Select(p =>
            {
                var c = counts.GetValueOrDefault(p.ProviderId);
                return new ProviderFigures(
                    new ProviderRef(p.ProviderId, p.Name, p.Region),
                    c?.Outstanding ?? 0,
                    overdue.GetValueOrDefault(p.ProviderId),
                    c?.Reasonable ?? 0,
                    Share(c?.Reasonable ?? 0, c?.Outstanding ?? 0),
                    c?.Oldest,
                    escalated.GetValueOrDefault(p.ProviderId));
            })
            .ToList();
    }

    private static RegionFigures Total(string region, IReadOnlyCollection<ProviderFigures> providers)
    {
        var outstanding = providers.Sum(p => p.Outstanding);
        var reasonable = providers.Sum(p => p.AtLeastReasonableProgress);
        return new RegionFigures(
            region, providers.Count, outstanding, providers.Sum(p => p.Overdue), reasonable, Share(reasonable, outstanding),
            providers.Min(p => p.OldestOpenPublishedOn), providers.Sum(p => p.Escalated));
    }

    private static double? Share(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);
}
