using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tracking.Web.Api;
using Tracking.Web.Forms;
using Tracking.Web.SignIn;

namespace Tracking.Web.Pages.Recommendations;

/// <summary>A provider manager asks to move a date (the recommendation's or an open action's), with a reason; the inspectorate decides.</summary>
[Authorize(Policy = PortalSignIn.ProviderManager)]
public sealed class RequestRevisionModel(TrackingApi api) : PortalPage
{
    /// <summary>The radio value for the recommendation's own target date; actions use their id.</summary>
    public const string RecommendationDate = "recommendation";

    private static readonly Dictionary<string, string> Fields = new()
    {
        ["actionId"] = "Input.Which",
        ["requestedDate"] = "Input.RequestedDate",
        ["reason"] = "Input.Reason",
    };

    [FromRoute]
    public Guid Id { get; set; }

    public RecommendationDetail? Recommendation { get; private set; }

    [BindProperty]
    public RevisionInput Input { get; set; } = new();

    /// <summary>The dates that may move: the recommendation's target date, if it has one, and each open action's.</summary>
    public IReadOnlyList<(string Value, string Label)> Dates =>
        (Recommendation?.TargetDate is { } target ? new[] { (RecommendationDate, $"The recommendation's target date, {Display.Date(target)}") } : [])
        .Concat((Recommendation?.Actions ?? []).Where(a => !a.Done).Select(a => (a.Id.ToString(), $"{a.Description}, due {Display.Date(a.TargetDate)}")))
        .ToList();

    public async Task<IActionResult> OnGetAsync() => await Load() ? Page() : PageNotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await Load())
        {
            return PageNotFound();
        }

        ModelState.Clear();
        if (!Dates.Any(d => d.Value == Input.Which))
        {
            ModelState.AddModelError("Input.Which", "Select the date you want to move");
        }

        var (requested, dateError) = Input.RequestedDate.Read("the new date", required: true);
        if (dateError is not null)
        {
            ModelState.AddModelError("Input.RequestedDate", dateError);
        }

        if (string.IsNullOrWhiteSpace(Input.Reason))
        {
            ModelState.AddModelError("Input.Reason", "Enter why the date needs to move");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Guid? actionId = Input.Which == RecommendationDate ? null : Guid.Parse(Input.Which!);
        var result = await api.RequestRevision(Id, actionId, requested, Input.Reason!);
        return result.Succeeded ? Redirect($"/recommendations/{Id}#revisions") : ShowProblem(result, Fields);
    }

    private async Task<bool> Load()
    {
        var detail = await api.Recommendation(Id);
        Recommendation = detail.Value;
        return detail.Succeeded;
    }

    public sealed class RevisionInput
    {
        public string? Which { get; set; }

        public DateInput RequestedDate { get; set; } = new();

        public string? Reason { get; set; }
    }
}
