using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tracking.ServiceDefaults.Security;
using Tracking.Web.Inspections;
using Tracking.Web.SignIn;

namespace Tracking.Web.Pages.Inspections;

/// <summary>Starts recording an inspection: a fresh pending form, then its first page.</summary>
[Authorize(Policy = PortalSignIn.Inspector)]
public sealed class NewModel(PendingInspection pending) : PortalPage
{
    public IActionResult OnGet() => Redirect($"/inspections/new/{pending.Start(User.FindFirstValue(TrackingClaims.Subject) ?? "")}/provider");
}
