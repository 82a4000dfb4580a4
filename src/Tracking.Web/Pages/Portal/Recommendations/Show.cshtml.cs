using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tracking.Web.Api;

namespace Tracking.Web.Pages.Recommendations;

/// <summary>One recommendation: its text, response, actions, evidence, revisions and full history.</summary>
public sealed class ShowModel(TrackingApi api) : PortalPage
{
    public RecommendationDetail? Recommendation { get; private set; }

    public IReadOnlyList<HistoryLine> History { get; private set; } = [];

    /// <summary>Provider managers mark their own actions done here; the API refuses anyone else.</summary>
    public bool CanCompleteActions => IsProviderManager && Recommendation?.Status != "Closed";

    public Task<IActionResult> OnGetAsync(Guid id) => Show(id);

    public async Task<IActionResult> OnPostCompleteActionAsync(Guid id, Guid actionId)
    {
        var completed = await api.CompleteAction(id, actionId);
        if (completed.Succeeded)
        {
            return Redirect($"/recommendations/{id}#actions");
        }

        // The page again with the API's reason in the error summary (a missing recommendation stays a 404).
        return await Show(id) is PageResult ? ShowProblem(completed, new Dictionary<string, string>()) : PageNotFound();
    }

    private async Task<IActionResult> Show(Guid id)
    {
        var detail = await api.Recommendation(id);
        if (!detail.Succeeded)
        {
            return PageNotFound();
        }

        var open = ((await api.ScheduleFor(id)).Value?.Deadlines ?? []).Where(d => d.Status == "Open").Select(d => (DateOnly?)d.DueOn).Min();
        Recommendation = detail.Value!.NextDueOn is null && open is not null ? detail.Value with { NextDueOn = open } : detail.Value;
        History = (await api.History(id)).Value ?? [];
        return Page();
    }
}
