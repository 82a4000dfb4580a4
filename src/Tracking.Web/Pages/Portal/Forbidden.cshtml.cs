namespace Tracking.Web.Pages;

/// <summary>Where a signed-in person lands when a page is not for their role: a 403, said plainly.</summary>
public sealed class ForbiddenModel : PortalPage
{
    public void OnGet() => Response.StatusCode = 403;
}
