using Microsoft.AspNetCore.Mvc;
using Tracking.Web.Api;
using Tracking.Web.Evidence;

namespace Tracking.Web.Pages.Recommendations;

/// <summary>Evidence, step two: check answers, then the one call to the API that submits narrative and files together.</summary>
public sealed class CheckEvidenceModel(TrackingApi api, PendingEvidence pending) : PortalPage
{
    private static readonly Dictionary<string, string> Fields = new();

    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true, Name = "draft")]
    public string? DraftKey { get; set; }

    public RecommendationDetail? Recommendation { get; private set; }

    public PendingEvidence.Draft? Draft { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await Load() is { } missing ? missing : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await Load() is { } missing)
        {
            return missing;
        }

        var result = await api.SubmitEvidence(Id, Draft!.Narrative, Draft.EffectiveDate, Draft.ActionIds, Draft.Files);
        if (!result.Succeeded)
        {
            return ShowProblem(result, Fields);
        }

        pending.Forget(DraftKey!);
        return Redirect($"/recommendations/{Id}/evidence/submitted");
    }

    private async Task<IActionResult?> Load()
    {
        var detail = await api.Recommendation(Id);
        if (!detail.Succeeded)
        {
            return PageNotFound();
        }

        Recommendation = detail.Value;
        Draft = pending.Find(DraftKey, User.FindFirst("sub")?.Value ?? "", Id);
        // A draft that expired or was already submitted: start again rather than submit twice.
        return Draft is null ? Redirect($"/recommendations/{Id}/evidence/new") : null;
    }
}
