using Microsoft.AspNetCore.Mvc;
using Tracking.Web.Api;
using Tracking.Web.Forms;

namespace Tracking.Web.Pages.Planning.Reinspections;

/// <summary>Plan a full inspection or a follow-up review of a provider.</summary>
public sealed class NewModel(PlanningApi api) : PlanningPage
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["providerId"] = "Input.ProviderId", ["plannedOn"] = "Input.PlannedOn", ["kind"] = "Input.Kind", ["freeze"] = "Input.Freeze",
    };

    public static readonly IReadOnlyList<(string Value, string Label)> Kinds = [("FullInspection", "Full inspection"), ("FollowUpReview", "Follow-up review")];

    public static readonly IReadOnlyList<(string Value, string Label)> Checklists =
        [("live", "Keep it up to date until the visit"), ("frozen", "Keep it as it stands today")];

    [BindProperty]
    public PlanInput Input { get; set; } = new();

    public ProviderSummary Provider { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromQuery] string? providerId)
    {
        Input.ProviderId = providerId;
        return await Load() ? Page() : PageNotFound();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await Load())
        {
            return PageNotFound();
        }

        ModelState.Clear();
        var (plannedOn, dateError) = Input.PlannedOn.Read("the date of the visit", required: true);
        if (dateError is not null)
        {
            ModelState.AddModelError("Input.PlannedOn", dateError);
        }

        if (Input.Kind is not ("FullInspection" or "FollowUpReview"))
        {
            ModelState.AddModelError("Input.Kind", "Select what kind of visit it is");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await api.PlanReinspection(Input.ProviderId!, plannedOn, Input.Kind, Input.Checklist == "frozen");
        return result.Succeeded ? Redirect($"/planning/reinspections/{result.Value!.Id}") : ShowProblem(result, Fields);
    }

    private async Task<bool> Load()
    {
        if (string.IsNullOrWhiteSpace(Input.ProviderId))
        {
            return false;
        }

        var provider = await api.Provider(Input.ProviderId);
        Provider = provider.Value!;
        return provider.Succeeded;
    }

    public sealed class PlanInput
    {
        public string? ProviderId { get; set; }

        public DateInput PlannedOn { get; set; } = new();

        public string? Kind { get; set; }

        public string? Checklist { get; set; } = "live";
    }
}
