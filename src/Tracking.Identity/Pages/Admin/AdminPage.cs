using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Tracking.Identity.Features.ManagePeople;
using Tracking.Identity.People;
using Tracking.Identity.TwoFactor;
using Tracking.ServiceDefaults.Http;
using Tracking.ServiceDefaults.Security;
using Tracking.Web.Ui.Layout;

namespace Tracking.Identity.Pages.Admin;

/// <summary>
/// Every /admin page: signed in at identity (its own cookie, so it works with or without the portal in the process) as
/// an active admin; anyone else signed in gets a 403 page. The role is read from the person, not the cookie, so a
/// changed role counts at once.
/// </summary>
[Authorize(Policy = Policy)]
public abstract class AdminPage : PageModel
{
    /// <summary>Signed in to identity's cookie; the role is checked against the person below.</summary>
    public const string Policy = "identity-admin-pages";

    /// <summary>The signed-in admin's person id, written to the audit log as the actor.</summary>
    protected string Actor { get; private set; } = "";

    /// <summary>What admins do to people; from the request's services because the type is internal to identity.</summary>
    private protected PeopleAdmin Admin => HttpContext.RequestServices.GetRequiredService<PeopleAdmin>();

    [TempData]
    public string? Notice { get; set; }

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var people = HttpContext.RequestServices.GetRequiredService<UserManager<Person>>();
        var me = await people.GetUserAsync(User);
        if (me is not { Active: true } || me.Role != TrackingRoles.Admin)
        {
            context.Result = new ViewResult { ViewName = "_AdminForbidden", StatusCode = StatusCodes.Status403Forbidden };
            return;
        }

        if (HttpContext.RequestServices.GetRequiredService<MfaPolicy>().MustSetUp(me, await people.HasPasskey(me)))
        {
            context.Result = new RedirectResult("/account/security?ReturnUrl=" + Uri.EscapeDataString(HttpContext.Request.Path + HttpContext.Request.QueryString));
            return;
        }

        Actor = me.Id;
        var path = HttpContext.Request.Path.Value ?? "";
        ViewData["ServiceHref"] = "/admin/people";
        ViewData["Navigation"] = new List<NavigationItem>
        {
            new("People", "/admin/people", path.StartsWith("/admin/people", StringComparison.Ordinal)),
            new("Sign out", "/account/sign-out"),
        };
        await next();
    }

    /// <summary>The GOV.UK "Page not found" page with a 404, for a person id nobody has.</summary>
    protected static IActionResult PageNotFound() => new ViewResult { ViewName = "_AdminNotFound", StatusCode = 404 };

    /// <summary>PeopleAdmin's field errors (API field names) on the page's fields; messages lose the API's full stop.</summary>
    protected void ShowErrors(Validation validation)
    {
        foreach (var (field, messages) in validation.Errors)
        {
            foreach (var message in messages)
            {
                ModelState.AddModelError(field.Length == 0 ? "" : "Input." + char.ToUpperInvariant(field[0]) + field[1..], message.TrimEnd('.'));
            }
        }
    }
}
