using Microsoft.AspNetCore.Mvc;
using Tracking.Web.Api;

namespace Tracking.Web.Pages.Recommendations;

/// <summary>One recommendation: its text, response, actions, evidence, revisions and full history.</summary>
public sealed class ShowModel(TrackingApi api) : PortalPage
{
    public RecommendationDetail? Recommendation { get; private set; }

    public IReadOnlyList<HistoryLine> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
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
