using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tracking.ServiceDefaults.Security;
using Tracking.Web.Api;

namespace Tracking.Web.Pages.Notifications.UpdateRounds;

/// <summary>For inspectors: one update round, each owner asked about which action, and who has answered with evidence.</summary>
[Authorize(Roles = TrackingRoles.Inspector)]
public sealed class RoundModel(NotificationsApi api) : PortalPage
{
    public UpdateRoundDetail Detail { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var detail = await api.UpdateRound(id);
        if (detail.Forbidden)
        {
            return Redirect("/forbidden");
        }

        if (!detail.Succeeded)
        {
            return PageNotFound();
        }

        Detail = detail.Value!;
        return Page();
    }
}
