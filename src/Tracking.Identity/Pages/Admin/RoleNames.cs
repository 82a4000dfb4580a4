using Tracking.ServiceDefaults.Security;

namespace Tracking.Identity.Pages.Admin;

/// <summary>How roles and statuses read on the admin pages.</summary>
public static class RoleNames
{
    public static readonly IReadOnlyList<(string Role, string Name, string Hint)> All =
    [
        (TrackingRoles.Inspector, "Inspector", "Publishes inspections and reviews providers' responses and evidence"),
        (TrackingRoles.ProviderManager, "Provider manager", "Responds to recommendations for one provider"),
        (TrackingRoles.Planner, "Planner", "Plans reinspections and follows what is outstanding"),
        (TrackingRoles.Admin, "Admin", "Manages people and operations"),
    ];

    public static string Of(string role) => All.FirstOrDefault(r => r.Role == role).Name ?? role;

    public static string StatusTag(string status) => status switch
    {
        "Active" => "govuk-tag--green",
        "Invited" => "govuk-tag--blue",
        _ => "govuk-tag--grey",
    };
}
