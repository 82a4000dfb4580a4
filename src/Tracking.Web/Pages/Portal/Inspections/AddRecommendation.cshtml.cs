using Microsoft.AspNetCore.Mvc;
using Tracking.Web.Inspections;

namespace Tracking.Web.Pages.Inspections;

/// <summary>Adds one recommendation: its text, who it is addressed to and the standards it relates to.</summary>
public sealed class AddRecommendationModel(PendingInspection pending) : InspectionStepPage(pending)
{
    [BindProperty]
    public RecommendationInput Input { get; set; } = new();

    public int Number => Draft.Recommendations.Count + 1;

    public IActionResult OnGet() => Page();

    public IActionResult OnPost()
    {
        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(Input.Text))
        {
            ModelState.AddModelError("Input.Text", "Enter the recommendation");
        }
        else if (Input.Text.Length > 4000)
        {
            ModelState.AddModelError("Input.Text", "The recommendation must be 4,000 characters or fewer");
        }

        var addressees = Input.Addressees.Where(a => InspectionFramework.Addressees.Any(o => o.Value == a)).Distinct().ToList();
        if (addressees.Count == 0)
        {
            ModelState.AddModelError("Input.Addressees", "Select who the recommendation is addressed to");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Draft.Recommendations.Add(new PendingInspection.RecommendationDraft(Input.Text!.Trim(), addressees,
            Input.LinkedStandards.Where(c => InspectionFramework.Standards.Any(s => s.Code == c)).Distinct().Order(StringComparer.Ordinal).ToList()));
        return Redirect(StepPath("recommendations") + (Change ? "?change=true" : ""));
    }

    public sealed class RecommendationInput
    {
        public string? Text { get; set; }

        public List<string> Addressees { get; set; } = [];

        public List<string> LinkedStandards { get; set; } = [];
    }
}
