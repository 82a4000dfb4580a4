using Microsoft.AspNetCore.Mvc;
using Tracking.Web.Api;

namespace Tracking.Web.Pages.Planning.FollowUpReviews;

/// <summary>Every follow-up review, soonest first; planners may move or cancel those still scheduled.</summary>
public sealed class ListModel(PlanningApi api, TrackingApi tracking) : PlanningPage
{
    public IReadOnlyList<FollowUpReviewRow> Reviews { get; private set; } = [];

    public bool CanChange => User.IsInRole(Tracking.ServiceDefaults.Security.TrackingRoles.Planner);

    /// <summary>What was just done, for the success banner: "moved" or "cancelled".</summary>
    [FromQuery]
    public string? Changed { get; set; }

    [FromQuery]
    public Guid? Review { get; set; }

    public ProviderNames Names { get; private set; } = ProviderNames.None;

    public FollowUpReviewRow? ChangedReview => Reviews.FirstOrDefault(r => r.Id == Review);

    public async Task<IActionResult> OnGetAsync()
    {
        var schedule = api.Schedule();
        var names = ProviderNames.ByInspection(tracking);
        Reviews = [.. ((await schedule).Value?.FollowUpReviews ?? []).OrderBy(r => r.DueOn)];
        Names = await names;
        return Page();
    }
}
