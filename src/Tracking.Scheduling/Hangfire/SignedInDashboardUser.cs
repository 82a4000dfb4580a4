using Hangfire.Dashboard;

namespace Tracking.Scheduling.Hangfire;

/// <summary>The dashboard's own check, behind the endpoint's authorisation policy: a signed-in user got this far.</summary>
internal sealed class SignedInDashboardUser : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => context.GetHttpContext().User.Identity?.IsAuthenticated == true;
}
