using System.Security.Claims;
using Tracking.ServiceDefaults.Security;
using Tracking.Web.Ui.Layout;

namespace Tracking.Web.Pages;

/// <summary>The portal's service navigation: one line per item with the roles that see it (none listed: everyone signed in).</summary>
internal static class PortalNavigation
{
    private sealed record Item(string Label, string Path, string[] Roles, params string[] AlsoCurrentUnder);

    private static readonly Item[] Items =
    [
        new("Recommendations", "/", [], "/recommendations"),
        new("Inspections", "/inspections", [TrackingRoles.Inspector]),
        new("Work queues", "/queues", [TrackingRoles.Inspector]),
        new("Planning", "/planning", [TrackingRoles.Planner, TrackingRoles.Inspector]),
        new("Calendar", "/calendar", TrackingRoles.All),
        new("Notifications", "/notifications/settings", []),
        new("Deliveries", "/notifications/deliveries", [TrackingRoles.Admin]),
        new("Webhooks", "/notifications/webhooks", [TrackingRoles.ProviderManager, TrackingRoles.Inspector, TrackingRoles.Admin]),
        new("Update rounds", "/notifications/update-rounds", [TrackingRoles.Inspector]),
        new("People", "/admin/people", [TrackingRoles.Admin]),
        new("Sign out", "/sign-out", []),
    ];

    public static List<NavigationItem> For(ClaimsPrincipal person, string path) =>
        Items.Where(i => i.Roles.Length == 0 || i.Roles.Any(person.IsInRole))
            .Select(i => new NavigationItem(i.Label, i.Path, IsCurrent(i, path)))
            .ToList();

    private static bool IsCurrent(Item item, string path) =>
        item.Path == "/"
            ? path == "/" || item.AlsoCurrentUnder.Any(p => Under(path, p))
            : Under(path, item.Path) || item.AlsoCurrentUnder.Any(p => Under(path, p));

    private static bool Under(string path, string prefix) =>
        path == prefix || path.StartsWith(prefix + "/", StringComparison.Ordinal);
}
