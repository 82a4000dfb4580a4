using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tracking.ServiceDefaults.Security;
using Tracking.Web.Api;

namespace Tracking.Web.Pages.Planning.FollowUpReviews;

/// <summary>Moving or cancelling one follow-up review: planners only, as the API allows.</summary>
[Authorize(Roles = TrackingRoles.Planner)]
public abstract class FollowUpReviewPage(PlanningApi api) : PlanningPage
{
    [FromRoute]
    public Guid Id { get; set; }

    public FollowUpReviewRow Review { get; private set; } = null!;

    protected PlanningApi Api => api;

    /// <summary>The review from the schedule, which lists every follow-up review the person may see.</summary>
    protected async Task<bool> Load()
    {
        var schedule = await api.Schedule();
        var review = schedule.Value?.FollowUpReviews?.FirstOrDefault(r => r.Id == Id);
        Review = review!;
        return review is not null;
    }
}
