using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tracking.ServiceDefaults.Security;
using Tracking.Web.Api;
using Tracking.Web.SignIn;
using Tracking.Web.Ui.Errors;

namespace Tracking.Web.Pages;

/// <summary>Every portal page: signed in, with the service navigation for the person's role.</summary>
[Authorize(Policy = PortalSignIn.SignedIn)]
public abstract class PortalPage : PageModel
{
    public string PersonName => User.FindFirstValue(TrackingClaims.Name) ?? User.FindFirstValue(TrackingClaims.Email) ?? "";

    public bool IsInspector => User.IsInRole(TrackingRoles.Inspector);

    public bool IsProviderManager => User.IsInRole(TrackingRoles.ProviderManager);

    public string? ProviderId => User.FindFirstValue(TrackingClaims.Provider);

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        ViewData["Navigation"] = PortalNavigation.For(User, HttpContext.Request.Path.Value ?? "/");
    }

    /// <summary>The GOV.UK "Page not found" page with a 404: for a missing recommendation and another provider's alike.</summary>
    protected IActionResult PageNotFound() => new ViewResult { ViewName = "_NotFound", StatusCode = 404 };

    /// <summary>An API refusal shown on the form: field errors where the API named the field, otherwise for the whole form.</summary>
    protected IActionResult ShowProblem<T>(ApiResult<T> result, IReadOnlyDictionary<string, string> fieldMap)
    {
        if (result.NotFound)
        {
            return PageNotFound();
        }

        ModelState.AddProblemDetails(result.Problem, fieldMap);
        return Page();
    }
}
