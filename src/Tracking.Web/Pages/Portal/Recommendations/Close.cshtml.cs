using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tracking.Web.Api;
using Tracking.Web.SignIn;

namespace Tracking.Web.Pages.Recommendations;

/// <summary>The inspectorate closes a recommendation as Implemented or Not implemented, with the basis for it.</summary>
[Authorize(Policy = PortalSignIn.Inspector)]
public sealed class CloseModel(TrackingApi api) : PortalPage
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["closedAs"] = "Input.ClosedAs",
        ["comment"] = "Input.Comment",
    };

    [FromRoute]
    public Guid Id { get; set; }

    public RecommendationDetail? Recommendation { get; private set; }

    [BindProperty]
    public CloseInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync() => await Load() ? Page() : PageNotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await Load())
        {
            return PageNotFound();
        }

        ModelState.Clear();
        if (Input.ClosedAs is not ("Implemented" or "NotImplemented"))
        {
            ModelState.AddModelError("Input.ClosedAs", "Select whether the recommendation was implemented");
        }

        if (string.IsNullOrWhiteSpace(Input.Comment))
        {
            ModelState.AddModelError("Input.Comment", "Enter the basis for closing the recommendation");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await api.Close(Id, Input.ClosedAs!, Input.Comment!);
        return result.Succeeded ? Redirect($"/recommendations/{Id}") : ShowProblem(result, Fields);
    }

    private async Task<bool> Load()
    {
        var detail = await api.Recommendation(Id);
        Recommendation = detail.Value;
        return detail.Succeeded;
    }

    public sealed class CloseInput
    {
        public string? ClosedAs { get; set; }

        public string? Comment { get; set; }
    }
}
