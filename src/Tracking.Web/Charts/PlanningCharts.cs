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

    /// <summary>Open against closed at the end of each period: the burn-down.</summary>
    public static Chart BurnDown(PlanningHistory? history, string id, string title)
    {
        var points = history?.Points ?? [];
        return new Chart(id, title,
            points.Count == 0
                ? "No recommendation has been published yet."
                : $"Open and closed recommendations at the end of each month from {Day(points[0].Day)} to {Day(points[^1].Day)}: "
                    + $"{points[^1].Open} open and {points[^1].Closed} closed now.",
            ChartKind.Line, "End of", points.Select(p => Day(p.Day)).ToList(),
            [
                new ChartSeries("Open", ChartColours.Red, points.Select(p => (double)p.Open).ToList()),
                new ChartSeries("Closed", ChartColours.Green, points.Select(p => (double)p.Closed).ToList()),
            ]);
    }

    /// <summary>How many judgements of each kind were given in each period.</summary>
    public static Chart Judgements(PlanningHistory? history, string id, string title)
    {
        var points = (history?.Points ?? []).ToList();
        var any = points.Any(p => p.Judgements.Values.Any(v => v > 0));
        (string Key, string Name, string Colour)[] kinds =
        [
            ("NoMeaningfulProgress", "No meaningful progress", ChartColours.Red),
            ("InsufficientProgress", "Insufficient progress", ChartColours.Orange),
            ("ReasonableProgress", "Reasonable progress", ChartColours.Blue),
            ("GoodProgress", "Good progress", ChartColours.Green),
        ];
        return new Chart(id, title,
            any ? "Progress judgements given in each month, by judgement." : "No progress judgement has been given yet.",
            ChartKind.Line, "Month ending", any ? points.Select(p => Day(p.Day)).ToList() : [],
            any ? kinds.Select(k => new ChartSeries(k.Name, k.Colour, points.Select(p => (double)p.Judgements.GetValueOrDefault(k.Key)).ToList())).ToList() : []);
    }

    private static string Day(DateOnly day) => Forms.Display.Date(day);

    public static Chart Themes(ThemesOverview? themes, string id, string title)
    {
        var open = (themes?.Themes ?? []).Where(t => t.Open > 0).ToList();
        return new Chart(id, title,
            open.Count == 0 ? "No recommendation is open." : "Open recommendations linked to each standard, most common first.",
            ChartKind.Bar, "Standard", open.Select(t => $"{t.Standard} {t.Name}").ToList(),
            [new ChartSeries("Open recommendations", ChartColours.Blue, open.Select(t => (double)t.Open).ToList())]);
    }
}
