using Microsoft.AspNetCore.Authorization;
using Tracking.ServiceDefaults.Security;

namespace Tracking.Web.Pages.Planning;

/// <summary>Every planners' page: for planners and inspectors; anyone else gets the 403 page.</summary>
[Authorize(Roles = TrackingRoles.Planner + "," + TrackingRoles.Inspector)]
public abstract class PlanningPage : PortalPage
{
}
