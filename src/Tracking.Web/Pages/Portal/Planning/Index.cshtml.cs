using Microsoft.AspNetCore.Mvc;
using Tracking.Web.Api;
using Tracking.Web.Charts;

namespace Tracking.Web.Pages.Planning;

/// <summary>The national view: every region's figures, the nation's, and where the overdue work and the themes are.</summary>
public sealed class IndexModel(PlanningApi api) : PlanningPage
{
    public RegionsOverview Overview { get; private set; } = new([], new NationalFigures(0, 0, 0, 0, 0, null, null));

    public Chart? OverdueByProvider { get; private set; }

    public Chart? Themes { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var overview = await api.Regions();
        if (!overview.Succeeded)
        {
            return PageNotFound();
        }

        Overview = overview.Value!;
        var providers = new List<ProviderFigures>();
        foreach (var region in Overview.Regions)
        {
            providers.AddRange((await api.Region(region.Region)).Value?.Providers ?? []);
        }

        OverdueByProvider = PlanningCharts.OverdueByProvider(providers, "overdue-by-provider", "Overdue recommendations by provider, nationally");
        Themes = PlanningCharts.Themes((await api.Themes(null)).Value, "themes", "Open recommendations by standard, nationally");
        var history = (await api.History(null, null)).Value;
        BurnDown = PlanningCharts.BurnDown(history, "burn-down", $"Open and closed recommendations nationally");
        ProgressJudgements = PlanningCharts.Judgements(history, "judgements", $"Progress judgements over time nationally");
        return Page();
    }

    public Chart? BurnDown { get; private set; }

    public Chart? ProgressJudgements { get; private set; }
}
