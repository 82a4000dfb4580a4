using Microsoft.AspNetCore.Mvc;
using Tracking.Web.Api;

namespace Tracking.Web.Pages.Planning.Reinspections;

/// <summary>Every reinspection plan, planned and cancelled, soonest first.</summary>
public sealed class ListModel(PlanningApi api) : PlanningPage
{
    public IReadOnlyList<ReinspectionPlanRow> Plans { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        Plans = (await api.Reinspections(null)).Value ?? [];
        return Page();
    }
}
