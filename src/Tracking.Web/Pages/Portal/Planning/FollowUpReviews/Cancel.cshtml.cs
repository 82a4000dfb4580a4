using Microsoft.AspNetCore.Mvc;
using Tracking.Web.Api;

namespace Tracking.Web.Pages.Planning.FollowUpReviews;

/// <summary>Cancel a scheduled follow-up review, after asking; it is then never raised.</summary>
public sealed class CancelModel(PlanningApi api, TrackingApi tracking) : FollowUpReviewPage(api, tracking)
{
    public async Task<IActionResult> OnGetAsync() => await Load() ? Page() : PageNotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await Load())
        {
            return PageNotFound();
        }

        var result = await Api.CancelFollowUpReview(Id);
        return result.Succeeded ? Redirect($"/planning/follow-up-reviews?changed=cancelled&review={Id}") : ShowProblem(result, new Dictionary<string, string>());
    }
}
