using Microsoft.AspNetCore.Mvc;
using Tracking.Web.Api;
using Tracking.Web.Charts;

namespace Tracking.Web.Pages.Planning;

/// <summary>One region: its figures, and its providers most at risk of slippage first.</summary>
public sealed class RegionModel(PlanningApi api) : PlanningPage
{
    [FromRoute]
    public string Region { get; set; } = "";

    public RegionDetail Detail { get; private set; } = null!;

    public Chart? OverdueByProvider { get; private set; }

    public Chart? Themes { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var detail = await api.Region(Region);
        if (!detail.Succeeded)
        {
            return PageNotFound();
        }

        Detail = detail.Value!;
        OverdueByProvider = PlanningCharts.OverdueByProvider(Detail.Providers, "overdue-by-provider", $"Overdue recommendations by provider in {Detail.Totals.Region}");
        Themes = PlanningCharts.Themes((await api.Themes(Detail.Totals.Region)).Value, "themes", $"Open recommendations by standard in {Detail.Totals.Region}");
        var history = (await api.History(null, Detail.Totals.Region)).Value;
        BurnDown = PlanningCharts.BurnDown(history, "burn-down", $"Open and closed recommendations in {Detail.Totals.Region}");
        ProgressJudgements = PlanningCharts.Judgements(history, "judgements", $"Progress judgements over time in {Detail.Totals.Region}");
        return Page();
    }

    public Chart? BurnDown { get; private set; }

    public Chart? ProgressJudgements { get; private set; }
}
