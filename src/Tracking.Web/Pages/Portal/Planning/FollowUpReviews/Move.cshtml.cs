using Microsoft.AspNetCore.Mvc;
using Tracking.Web.Api;
using Tracking.Web.Forms;

namespace Tracking.Web.Pages.Planning.FollowUpReviews;

/// <summary>Move a scheduled follow-up review to another day (today or later).</summary>
public sealed class MoveModel(PlanningApi api, TrackingApi tracking) : FollowUpReviewPage(api, tracking)
{
    private static readonly Dictionary<string, string> Fields = new() { ["dueOn"] = "DueOn" };

    [BindProperty]
    public DateInput DueOn { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await Load())
        {
            return PageNotFound();
        }

        DueOn = DateInput.From(Review.DueOn);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await Load())
        {
            return PageNotFound();
        }

        ModelState.Clear();
        var (date, error) = DueOn.Read("the new date of the review", required: true);
        if (error is not null)
        {
            ModelState.AddModelError("DueOn", error);
            return Page();
        }

        var result = await Api.MoveFollowUpReview(Id, date);
        return result.Succeeded ? Redirect($"/planning/follow-up-reviews?changed=moved&review={Id}") : ShowProblem(result, Fields);
    }
}
