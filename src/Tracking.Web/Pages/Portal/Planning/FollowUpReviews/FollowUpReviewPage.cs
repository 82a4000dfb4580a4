using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tracking.ServiceDefaults.Security;
using Tracking.Web.Api;

namespace Tracking.Web.Pages.Planning.FollowUpReviews;

/// <summary>Moving or cancelling one follow-up review: planners only, as the API allows.</summary>
[Authorize(Roles = TrackingRoles.Planner)]
public abstract class FollowUpReviewPage(PlanningApi api, TrackingApi tracking) : PlanningPage
{
    [FromRoute]
    public Guid Id { get; set; }

    public FollowUpReviewRow Review { get; private set; } = null!;

    /// <summary>The provider's name, from the review's inspection; its id if that cannot be read.</summary>
    public string ProviderName { get; private set; } = "";

    protected PlanningApi Api => api;

    /// <summary>The review from the schedule, which lists every follow-up review the person may see.</summary>
    protected async Task<bool> Load()
    {
        var schedule = api.Schedule();
        var names = ProviderNames.ByInspection(tracking);
        var review = (await schedule).Value?.FollowUpReviews?.FirstOrDefault(r => r.Id == Id);
        Review = review!;
        ProviderName = review is null ? "" : (await names).For(review);
        return review is not null;
    }
}
