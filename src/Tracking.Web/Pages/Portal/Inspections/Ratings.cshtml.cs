using Microsoft.AspNetCore.Mvc;
using Tracking.Web.Inspections;

namespace Tracking.Web.Pages.Inspections;

/// <summary>Second page: a rating for each of the ten standards, and the overall rating.</summary>
public sealed class RatingsModel(PendingInspection pending) : InspectionStepPage(pending)
{
    public const string OverallKey = "Overall";

    /// <summary>The form field (and error key) of a standard's rating: "Standard-1-1" for 1.1.</summary>
    public static string KeyFor(string code) => "Standard-" + code.Replace('.', '-');

    public string? Selected(string key) =>
        Request.HasFormContentType ? Request.Form[key].FirstOrDefault()
        : key == OverallKey ? Draft.OverallRating
        : InspectionFramework.Standards.Where(s => KeyFor(s.Code) == key).Select(s => Draft.Ratings.GetValueOrDefault(s.Code)).FirstOrDefault();

    public string ErrorOrder => string.Join(",", InspectionFramework.Standards.Select(s => KeyFor(s.Code)).Append(OverallKey));

    public IActionResult OnGet() => Page();

    public IActionResult OnPost()
    {
        ModelState.Clear();
        var ratings = new Dictionary<string, string>();
        foreach (var (code, name) in InspectionFramework.Standards)
        {
            var value = Request.Form[KeyFor(code)].FirstOrDefault();
            if (InspectionFramework.Ratings.Any(r => r.Value == value))
            {
                ratings[code] = value!;
            }
            else
            {
                ModelState.AddModelError(KeyFor(code), $"Select a rating for {code} {name}");
            }
        }

        var overall = Request.Form[OverallKey].FirstOrDefault();
        if (InspectionFramework.Ratings.All(r => r.Value != overall))
        {
            ModelState.AddModelError(OverallKey, "Select the overall rating");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Draft.Ratings.Clear();
        foreach (var (code, rating) in ratings)
        {
            Draft.Ratings[code] = rating;
        }

        Draft.OverallRating = overall;
        return Next(Draft.Recommendations.Count == 0 ? "recommendations/add" : "recommendations");
    }
}
