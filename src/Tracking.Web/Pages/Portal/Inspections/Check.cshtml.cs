using Microsoft.AspNetCore.Mvc;
using Tracking.Web.Api;
using Tracking.Web.Inspections;

namespace Tracking.Web.Pages.Inspections;

/// <summary>Check answers, then "Save as draft": the whole inspection goes to the API in one request.</summary>
public sealed class CheckModel(PendingInspection pending, TrackingApi api) : InspectionStepPage(pending)
{
    public IActionResult OnGet() => Incomplete() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (Incomplete() is { } back)
        {
            return back;
        }

        var result = await api.RecordInspection(new
        {
            provider = new { id = Draft.ProviderId, name = Draft.ProviderName, region = Draft.Region },
            title = Draft.Title,
            fieldworkStartedOn = Draft.FieldworkStartedOn,
            fieldworkEndedOn = Draft.FieldworkEndedOn,
            overallRating = Draft.OverallRating,
            standards = InspectionFramework.Standards.Select(s => new { code = s.Code, rating = Draft.Ratings[s.Code] }),
            recommendations = Draft.Recommendations.Select((r, i) => new
            {
                number = i + 1,
                text = r.Text,
                addressees = r.Addressees,
                linkedStandards = r.LinkedStandards,
            }),
        });
        if (!result.Succeeded)
        {
            return ShowProblem(result, new Dictionary<string, string>());
        }

        Pending.Forget(Key);
        return Redirect($"/inspections/{result.Value!.Id}");
    }

    /// <summary>A page skipped (by typing an address): back to the first one not answered.</summary>
    private IActionResult? Incomplete() =>
        Draft.ProviderId is null || Draft.FieldworkStartedOn is null ? Redirect(StepPath("provider"))
        : Draft.OverallRating is null || Draft.Ratings.Count < InspectionFramework.Standards.Count ? Redirect(StepPath("ratings"))
        : Draft.Recommendations.Count == 0 ? Redirect(StepPath("recommendations/add"))
        : null;
}
