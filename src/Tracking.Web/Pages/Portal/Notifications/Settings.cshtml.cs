using Microsoft.AspNetCore.Mvc;
using Tracking.Web.Api;

namespace Tracking.Web.Pages.Notifications;

/// <summary>A person's e-mail settings: each e-mail as it happens or one daily summary, and opting out of non-essential mail.</summary>
public sealed class SettingsModel(NotificationsApi api) : PortalPage
{
    private static readonly Dictionary<string, string> Fields = new() { ["mode"] = "Mode", ["optedOut"] = "OptedOut" };

    [BindProperty]
    public string? Mode { get; set; }

    [BindProperty]
    public bool OptedOut { get; set; }

    public string Email { get; private set; } = "";

    public string DigestTime { get; private set; } = "07:00";

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool saved = false)
    {
        var settings = await api.Settings();
        if (!settings.Succeeded)
        {
            return PageNotFound();
        }

        Show(settings.Value!);
        Saved = saved;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var current = await api.Settings();
        if (!current.Succeeded)
        {
            return PageNotFound();
        }

        Email = current.Value!.Email;
        DigestTime = current.Value.DigestTime;
        ModelState.Clear();
        if (Mode is not ("immediate" or "digest"))
        {
            ModelState.AddModelError(nameof(Mode), "Select how you want to get e-mails");
            return Page();
        }

        var result = await api.ChangeSettings(Mode, OptedOut);
        return result.Succeeded ? Redirect("/notifications/settings?saved=true") : ShowProblem(result, Fields);
    }

    private void Show(NotificationSettings settings)
    {
        Email = settings.Email;
        DigestTime = settings.DigestTime;
        Mode = settings.Mode;
        OptedOut = settings.OptedOut;
    }
}
