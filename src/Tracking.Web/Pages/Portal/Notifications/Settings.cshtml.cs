using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tracking.Web.Api;
using Tracking.Web.SignIn;
using Tracking.Web.Ui.Layout;

namespace Tracking.Web.Pages.Notifications;

/// <summary>
/// A person's e-mail settings: each e-mail as it happens or one daily summary, and opting out of non-essential mail.
/// The signed link at the foot of every e-mail (?email=&amp;expires=&amp;signature=) opens the same form without signing
/// in; without a link, it is a signed-in page like any other.
/// </summary>
[AllowAnonymous]
public sealed class SettingsModel(NotificationsApi api) : PortalPage
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["mode"] = "Mode", ["optedOut"] = "OptedOut", ["signature"] = "Link", ["expires"] = "Link",
    };

    [BindProperty]
    public string? Mode { get; set; }

    [BindProperty]
    public bool OptedOut { get; set; }

    [BindProperty(SupportsGet = true, Name = "email")]
    public string? LinkEmail { get; set; }

    [BindProperty(SupportsGet = true, Name = "expires")]
    public string? LinkExpires { get; set; }

    [BindProperty(SupportsGet = true, Name = "signature")]
    public string? LinkSignature { get; set; }

    public string Email { get; private set; } = "";

    public string DigestTime { get; private set; } = "07:00";

    public bool Saved { get; private set; }

    /// <summary>Opened from an e-mail's signed link by someone not signed in.</summary>
    public bool FromLink { get; private set; }

    /// <summary>The link was refused (forged or expired): only the way to sign in is shown.</summary>
    public bool LinkRefused { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool saved = false)
    {
        Saved = saved;
        if (await SignedIn() is { } challenge)
        {
            if (Link() is not { } link)
            {
                return challenge;
            }

            FromLink = true;
            var fromLink = await api.SettingsFromLink(link);
            if (!fromLink.Succeeded)
            {
                return Refused(fromLink);
            }

            Show(fromLink.Value!);
            return Page();
        }

        var settings = await api.Settings();
        if (!settings.Succeeded)
        {
            return PageNotFound();
        }

        Show(settings.Value!);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        if (await SignedIn() is { } challenge)
        {
            if (Link() is not { } link)
            {
                return challenge;
            }

            FromLink = true;
            var current = await api.SettingsFromLink(link);
            if (!current.Succeeded)
            {
                return Refused(current);
            }

            Email = current.Value!.Email;
            DigestTime = current.Value.DigestTime;
            if (NoMode())
            {
                return Page();
            }

            var changed = await api.ChangeSettingsFromLink(link, Mode!, OptedOut);
            return changed.Succeeded ? Redirect($"/notifications/settings{link.Query}&saved=true") : Refused(changed);
        }

        var mine = await api.Settings();
        if (!mine.Succeeded)
        {
            return PageNotFound();
        }

        Email = mine.Value!.Email;
        DigestTime = mine.Value.DigestTime;
        if (NoMode())
        {
            return Page();
        }

        var result = await api.ChangeSettings(Mode!, OptedOut);
        return result.Succeeded ? Redirect("/notifications/settings?saved=true") : ShowProblem(result, Fields);
    }

    private bool NoMode()
    {
        if (Mode is "immediate" or "digest")
        {
            return false;
        }

        ModelState.AddModelError(nameof(Mode), "Select how you want to get e-mails");
        return true;
    }

    private SettingsLink? Link() =>
        LinkEmail is { Length: > 0 } && LinkSignature is { Length: > 0 } ? new SettingsLink(LinkEmail, LinkExpires ?? "", LinkSignature) : null;

    /// <summary>A forged or expired link: the API's reason in the error summary, and no form.</summary>
    private IActionResult Refused(ApiResult<NotificationSettings> result)
    {
        LinkRefused = true;
        Saved = false;
        ModelState.Clear();
        return ShowProblem(result, Fields);
    }

    /// <summary>Signs the portal session in for this request (the page allows anyone), or the challenge to send a stranger to sign in.</summary>
    private async Task<IActionResult?> SignedIn()
    {
        var session = await HttpContext.AuthenticateAsync(PortalSignIn.CookieScheme);
        if (!session.Succeeded)
        {
            // Not signed in: no service navigation (it would offer pages a stranger cannot open, and "Sign out").
            ViewData["Navigation"] = new List<NavigationItem>();
            return Challenge(PortalSignIn.CookieScheme);
        }

        HttpContext.User = session.Principal;
        ViewData["Navigation"] = PortalNavigation.For(User, HttpContext.Request.Path.Value ?? "/");
        return null;
    }

    private void Show(NotificationSettings settings)
    {
        Email = settings.Email;
        DigestTime = settings.DigestTime;
        Mode = settings.Mode;
        OptedOut = settings.OptedOut;
    }
}
