using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tracking.ServiceDefaults.Security;
using Tracking.Web.Api;

namespace Tracking.Web.Pages.Notifications.UpdateRounds;

/// <summary>For inspectors: each update round with how many owners were asked and answered, and starting one now.</summary>
[Authorize(Roles = TrackingRoles.Inspector)]
public sealed class IndexModel(NotificationsApi api) : PortalPage
{
    public IReadOnlyList<UpdateRound> Rounds { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var rounds = await api.UpdateRounds();
        if (rounds.Forbidden)
        {
            return Redirect("/forbidden");
        }

        if (!rounds.Succeeded)
        {
            return PageNotFound();
        }

        Rounds = rounds.Value!;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var started = await api.StartUpdateRound();
        return started.Succeeded ? Redirect($"/notifications/update-rounds/{started.Value!.Id}")
            : started.Forbidden ? Redirect("/forbidden") : PageNotFound();
    }
}
