using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Tracking.ServiceDefaults.Security;
using Tracking.Web.Inspections;
using Tracking.Web.SignIn;

namespace Tracking.Web.Pages.Inspections;

/// <summary>A page of the "record an inspection" form: finds the person's pending inspection by the key in the address.</summary>
[Authorize(Policy = PortalSignIn.Inspector)]
public abstract class InspectionStepPage(PendingInspection pending) : PortalPage
{
    [FromRoute]
    public string Key { get; set; } = "";

    /// <summary>Set when the page was opened from "Change" on the check-answers page, which is where it then returns.</summary>
    [FromQuery]
    public bool Change { get; set; }

    public PendingInspection.Draft Draft { get; private set; } = null!;

    protected PendingInspection Pending => pending;

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        base.OnPageHandlerExecuting(context);
        if (pending.Find(Key, User.FindFirstValue(TrackingClaims.Subject) ?? "") is { } draft)
        {
            Draft = draft;
        }
        else
        {
            // An expired or someone else's form: start again from the list rather than show a stranger's answers.
            context.Result = Redirect("/inspections/new");
        }
    }

    public string StepPath(string step) => $"/inspections/new/{Key}/{step}";

    protected IActionResult Next(string step) => Redirect(StepPath(Change ? "check" : step));
}
