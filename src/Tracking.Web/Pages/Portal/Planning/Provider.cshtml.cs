using Microsoft.AspNetCore.Mvc;
using Tracking.Web.Api;
using Tracking.Web.Charts;

namespace Tracking.Web.Pages.Planning;

/// <summary>One provider: its figures by status, its last inspection, and its reinspection plans.</summary>
public sealed class ProviderModel(PlanningApi api) : PlanningPage
{
    [FromRoute(Name = "providerId")]
    public string Id { get; set; } = "";

    public ProviderSummary Summary { get; private set; } = null!;

    public IReadOnlyList<ReinspectionPlanRow> Plans { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var summary = await api.Provider(Id);
        if (!summary.Succeeded)
        {
            return PageNotFound();
        }

        Summary = summary.Value!;
        Plans = (await api.Reinspections(Id)).Value ?? [];
        var history = (await api.History(Id, null)).Value;
        BurnDown = PlanningCharts.BurnDown(history, "burn-down", $"Open and closed recommendations for {Summary.Provider.Name}");
        ProgressJudgements = PlanningCharts.Judgements(history, "judgements", $"Progress judgements over time for {Summary.Provider.Name}");
        return Page();
    }

    public Chart? BurnDown { get; private set; }

    public Chart? ProgressJudgements { get; private set; }
}
