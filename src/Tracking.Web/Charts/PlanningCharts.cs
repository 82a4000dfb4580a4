using Tracking.Web.Api;

namespace Tracking.Web.Charts;

/// <summary>The planners' charts, made from the planning API's answers.</summary>
public static class PlanningCharts
{
    public const int TopProviders = 10;

    public static Chart OverdueByProvider(IEnumerable<ProviderFigures> providers, string id, string title)
    {
        var top = providers.Where(p => p.Overdue > 0)
            .OrderByDescending(p => p.Overdue).ThenBy(p => p.Provider.Name, StringComparer.Ordinal)
            .Take(TopProviders).ToList();
        return new Chart(id, title,
            top.Count == 0 ? "No provider has an overdue recommendation." : $"The {top.Count} providers with most overdue recommendations, most first.",
            ChartKind.Bar, "Provider", top.Select(p => p.Provider.Name).ToList(),
            [new ChartSeries("Overdue recommendations", ChartColours.Red, top.Select(p => (double)p.Overdue).ToList())]);
    }

    public static Chart Themes(ThemesOverview? themes, string id, string title)
    {
        var open = (themes?.Themes ?? []).Where(t => t.Open > 0).ToList();
        return new Chart(id, title,
            open.Count == 0 ? "No recommendation is open." : "Open recommendations linked to each standard, most common first.",
            ChartKind.Bar, "Standard", open.Select(t => $"{t.Standard} {t.Name}").ToList(),
            [new ChartSeries("Open recommendations", ChartColours.Blue, open.Select(t => (double)t.Open).ToList())]);
    }
}
