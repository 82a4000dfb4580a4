using Microsoft.EntityFrameworkCore;
using Tracking.Planning.Data;
using Tracking.Planning.Features.ViewOutstanding;
using Tracking.Planning.ReadModel;

namespace Tracking.Planning.Features.ViewThemes;

/// <param name="Open">Open recommendations linked to the standard.</param>
/// <param name="Providers">How many providers have at least one of them.</param>
public sealed record Theme(string Standard, string Name, int Open, int Providers);

/// <param name="Region">The region asked for; null for all regions.</param>
/// <param name="OpenRecommendations">Open recommendations counted (one linked to two standards counts under both themes).</param>
public sealed record ThemesOverview(string? Region, int OpenRecommendations, IReadOnlyList<Theme> Themes);

public static class ThemesQuery
{
    /// <summary>Every framework standard with its open recommendations, most common first.</summary>
    public static async Task<ThemesOverview> Run(
        PlanningDbContext db, string? region, IReadOnlyList<string>? visibleProviders, CancellationToken ct)
    {
        var open = db.Outstanding.AsNoTracking().Where(r => !r.AwaitingPublication && r.Status != RecommendationStatuses.Closed);
        if (visibleProviders is { } visible)
        {
            open = open.Where(r => visible.Contains(r.ProviderId));
        }

        if (!string.IsNullOrWhiteSpace(region))
        {
            var wanted = region.Trim();
            open = open.Where(r => db.Providers.Any(p => p.ProviderId == r.ProviderId && p.Region == wanted));
        }

        // One small aggregate per standard: unnesting the linked codes in SQL would need APPLY, which SQLite lacks.
        var themes = new List<Theme>();
        foreach (var (code, name) in FrameworkStandards.All)
        {
            var perProvider = await open
                .Where(r => r.LinkedStandards.Contains(code))
                .GroupBy(r => r.ProviderId)
                .Select(g => g.Count())
                .ToListAsync(ct);
            themes.Add(new Theme(code, name, perProvider.Sum(), perProvider.Count));
        }

        themes = [.. themes.OrderByDescending(t => t.Open).ThenBy(t => t.Standard, StringComparer.Ordinal)];
        return new ThemesOverview(string.IsNullOrWhiteSpace(region) ? null : region.Trim(), await open.CountAsync(ct), themes);
    }
}
