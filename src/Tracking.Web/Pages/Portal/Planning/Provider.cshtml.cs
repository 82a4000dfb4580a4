using Microsoft.AspNetCore.Mvc;
using Tracking.Web.Api;

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
        return Page();
    }
}
