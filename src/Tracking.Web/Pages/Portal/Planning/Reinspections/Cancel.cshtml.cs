using Microsoft.AspNetCore.Mvc;
using Tracking.Web.Api;

namespace Tracking.Web.Pages.Planning.Reinspections;

/// <summary>Cancel a planned reinspection, after asking; it stays on record as cancelled.</summary>
public sealed class CancelModel(PlanningApi api) : PlanningPage
{
    [FromRoute]
    public Guid Id { get; set; }

    public ReinspectionPlanView Plan { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync() => await Load() ? Page() : PageNotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await Load())
        {
            return PageNotFound();
        }

        var result = await api.CancelReinspection(Id);
        return result.Succeeded ? Redirect($"/planning/reinspections/{Id}") : ShowProblem(result, new Dictionary<string, string>());
    }

    private async Task<bool> Load()
    {
        var plan = await api.Reinspection(Id);
        Plan = plan.Value!;
        return plan.Succeeded;
    }
}
