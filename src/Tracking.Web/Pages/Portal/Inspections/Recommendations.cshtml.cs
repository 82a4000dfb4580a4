using Microsoft.AspNetCore.Mvc;
using Tracking.Web.Inspections;

namespace Tracking.Web.Pages.Inspections;

/// <summary>The recommendations added so far, with the "add another" question.</summary>
public sealed class RecommendationsModel(PendingInspection pending) : InspectionStepPage(pending)
{
    [BindProperty]
    public string? AddAnother { get; set; }

    public IActionResult OnGet() => Draft.Recommendations.Count == 0 ? Redirect(StepPath("recommendations/add")) : Page();

    public IActionResult OnPost()
    {
        ModelState.Clear();
        if (AddAnother is not ("yes" or "no"))
        {
            ModelState.AddModelError(nameof(AddAnother), "Select yes if you need to add another recommendation");
            return Page();
        }

        return AddAnother == "yes" ? Redirect(StepPath("recommendations/add") + (Change ? "?change=true" : "")) : Redirect(StepPath("check"));
    }

    /// <summary>Takes one recommendation out again; the others keep their order and are renumbered.</summary>
    public IActionResult OnPostRemove(int index)
    {
        if (index >= 0 && index < Draft.Recommendations.Count)
        {
            Draft.Recommendations.RemoveAt(index);
        }

        return Redirect(StepPath("recommendations"));
    }
}
