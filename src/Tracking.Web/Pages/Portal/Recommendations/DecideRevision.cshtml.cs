using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tracking.Web.Api;
using Tracking.Web.SignIn;

namespace Tracking.Web.Pages.Recommendations;

/// <summary>The inspectorate approves or refuses a requested date, with a comment; the date moves only on approval.</summary>
[Authorize(Policy = PortalSignIn.Inspector)]
public sealed class DecideRevisionModel(TrackingApi api) : PortalPage
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["decision"] = "Input.Decision",
        ["comment"] = "Input.Comment",
    };

    [FromRoute]
    public Guid Id { get; set; }

    [FromRoute]
    public Guid RevisionId { get; set; }

    public RecommendationDetail? Recommendation { get; private set; }

    public RevisionView? Revision { get; private set; }

    /// <summary>What the date is for, in words: the recommendation itself or the action's description.</summary>
    public string DateOf => Revision?.ActionId is { } action
        ? Recommendation?.Actions.FirstOrDefault(a => a.Id == action)?.Description ?? "An action"
        : "The recommendation's target date";

    [BindProperty]
    public DecisionInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync() => await Load() ? Page() : PageNotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await Load())
        {
            return PageNotFound();
        }

        ModelState.Clear();
        if (Input.Decision is not ("Approved" or "Refused"))
        {
            ModelState.AddModelError("Input.Decision", "Select whether you approve the new date");
        }

        if (string.IsNullOrWhiteSpace(Input.Comment))
        {
            ModelState.AddModelError("Input.Comment", "Enter the reason for your decision");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await api.DecideRevision(Id, RevisionId, Input.Decision!, Input.Comment!);
        return result.Succeeded ? Redirect($"/recommendations/{Id}#revisions") : ShowProblem(result, Fields);
    }

    private async Task<bool> Load()
    {
        var detail = await api.Recommendation(Id);
        Recommendation = detail.Value;
        Revision = detail.Value?.Revisions.FirstOrDefault(v => v.Id == RevisionId);
        return Revision is not null;
    }

    public sealed class DecisionInput
    {
        public string? Decision { get; set; }

        public string? Comment { get; set; }
    }
}
