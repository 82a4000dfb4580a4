using Microsoft.AspNetCore.Mvc;
using Tracking.Web.Api;

namespace Tracking.Web.Pages.Planning.Reinspections;

/// <summary>A reinspection plan and its checklist, printable on A4 (print stylesheet), with its exports, move and cancel.</summary>
public sealed class ShowModel(PlanningApi api) : PlanningPage
{
    [FromRoute]
    public Guid Id { get; set; }

    public ReinspectionPlanView Plan { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        var plan = await api.Reinspection(Id);
        if (!plan.Succeeded)
        {
            return PageNotFound();
        }

        Plan = plan.Value!;
        return Page();
    }
}
