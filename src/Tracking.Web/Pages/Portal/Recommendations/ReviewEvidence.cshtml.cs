using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tracking.Web.Api;
using Tracking.Web.SignIn;

namespace Tracking.Web.Pages.Recommendations;

/// <summary>The inspectorate's review of one piece of evidence: Accepted or More needed, a comment and a progress judgement.</summary>
[Authorize(Policy = PortalSignIn.Inspector)]
public sealed class ReviewEvidenceModel(TrackingApi api) : PortalPage
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["outcome"] = "Input.Outcome",
        ["comment"] = "Input.Comment",
        ["progressJudgement"] = "Input.ProgressJudgement",
    };

    [FromRoute]
    public Guid Id { get; set; }

    [FromRoute]
    public Guid EvidenceId { get; set; }

    public RecommendationDetail? Recommendation { get; private set; }

    public EvidenceView? Evidence { get; private set; }

    [BindProperty]
    public ReviewInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync() => await Load() ? Page() : PageNotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await Load())
        {
            return PageNotFound();
        }

        ModelState.Clear();
        if (Input.Outcome is not ("Accepted" or "MoreNeeded"))
        {
            ModelState.AddModelError("Input.Outcome", "Select whether the evidence is enough");
        }

        if (string.IsNullOrWhiteSpace(Input.Comment))
        {
            ModelState.AddModelError("Input.Comment", "Enter a comment for the provider");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await api.ReviewEvidence(Id, EvidenceId, Input.Outcome!, Input.Comment!, Input.ProgressJudgement);
        return result.Succeeded ? Redirect($"/recommendations/{Id}") : ShowProblem(result, Fields);
    }

    private async Task<bool> Load()
    {
        var detail = await api.Recommendation(Id);
        Recommendation = detail.Value;
        Evidence = detail.Value?.Evidence.FirstOrDefault(e => e.Id == EvidenceId);
        return Evidence is not null;
    }

    public sealed class ReviewInput
    {
        public string? Outcome { get; set; }

        public string? Comment { get; set; }

        public string? ProgressJudgement { get; set; }
    }
}
