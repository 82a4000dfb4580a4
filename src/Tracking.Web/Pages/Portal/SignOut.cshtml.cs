using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Tracking.Web.SignIn;

namespace Tracking.Web.Pages;

/// <summary>Ends the portal session and the identity session: a POST (antiforgery-checked), then the issuer's end-session round trip.</summary>
public sealed class SignOutModel : PortalPage
{
    public void OnGet()
    {
    }

    public IActionResult OnPost() =>
        SignOut(new AuthenticationProperties { RedirectUri = "/signed-out" }, PortalSignIn.CookieScheme, PortalSignIn.OidcScheme);
}
