using Microsoft.AspNetCore.Mvc;
using Tracking.Web.Api;
using Tracking.Web.Forms;

namespace Tracking.Web.Pages.Planning.Reinspections;

/// <summary>Move a planned reinspection to another day.</summary>
public sealed class MoveModel(PlanningApi api) : PlanningPage
{
    private static readonly Dictionary<string, string> Fields = new() { ["plannedOn"] = "PlannedOn" };

    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public DateInput PlannedOn { get; set; } = new();

    public ReinspectionPlanView Plan { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await Load())
        {
            return PageNotFound();
        }

        PlannedOn = DateInput.From(Plan.PlannedOn);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await Load())
        {
            return PageNotFound();
        }

        ModelState.Clear();
        var (date, error) = PlannedOn.Read("the new date of the visit", required: true);
        if (error is not null)
        {
            ModelState.AddModelError("PlannedOn", error);
            return Page();
        }

        var result = await api.MoveReinspection(Id, date);
        return result.Succeeded ? Redirect($"/planning/reinspections/{Id}") : ShowProblem(result, Fields);
    }

    private async Task<bool> Load()
    {
        var plan = await api.Reinspection(Id);
        Plan = plan.Value!;
        return plan.Succeeded;
    }
}
