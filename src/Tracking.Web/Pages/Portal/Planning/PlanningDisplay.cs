using System.Globalization;

namespace Tracking.Web.Pages.Planning;

/// <summary>How the planners' pages write the planning API's figures.</summary>
public static class PlanningDisplay
{
    public static string Share(double? share) => share is { } s ? (s * 100).ToString("0", CultureInfo.InvariantCulture) + "%" : "None open";

    public static string Days(double? days) => days is { } d ? d.ToString("0.#", CultureInfo.InvariantCulture) + " days" : "None closed yet";

    public static string Rating(string? rating) => rating switch
    {
        "RequiresImprovement" => "Requires improvement",
        null => "Not rated",
        _ => rating,
    };

    public static string Kind(string kind) => kind switch
    {
        "FullInspection" => "Full inspection",
        "FollowUpReview" => "Follow-up review",
        _ => kind,
    };

    public static string FollowUpReviewStatus(string status) => status switch
    {
        "Scheduled" => "Scheduled",
        "Raised" => "Raised",
        "Skipped" => "Skipped",
        "Cancelled" => "Cancelled",
        _ => status,
    };

    public static string FollowUpReviewTagClass(string status) => status switch
    {
        "Scheduled" => "govuk-tag--blue",
        "Raised" => "govuk-tag--orange",
        _ => "govuk-tag--grey",
    };

    public static string RegionHref(string region) => $"/planning/regions/{Uri.EscapeDataString(region)}";

    public static string ProviderHref(string providerId) => $"/planning/providers/{Uri.EscapeDataString(providerId)}";
}
