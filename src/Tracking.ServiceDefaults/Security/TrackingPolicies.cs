using Microsoft.AspNetCore.Authorization;

namespace Tracking.ServiceDefaults.Security;

/// <summary>
/// Who may do what, as named policies. Routes name a policy; none checks roles by hand. Provider scoping (a
/// provider manager sees only their own providers' data) is applied on top by the handlers, through CurrentUser.
/// </summary>
public static class TrackingPolicies
{
    /// <summary>Create and publish inspections, review evidence, decide revisions, close.</summary>
    public const string Inspectorate = "inspectorate";

    /// <summary>Respond, plan actions, submit evidence, request revisions (own provider only).</summary>
    public const string ProviderWork = "provider-work";

    /// <summary>Read recommendations and their history (provider managers: own provider only).</summary>
    public const string ReadRecommendations = "read-recommendations";

    /// <summary>Download evidence files: not planners.</summary>
    public const string ReadEvidenceFiles = "read-evidence-files";

    /// <summary>Planning views, reinspection plans and exports (provider managers: own provider's rows only).</summary>
    public const string ReadPlanning = "read-planning";

    /// <summary>Schedule views (provider managers: own provider only).</summary>
    public const string ReadSchedule = "read-schedule";

    /// <summary>Move or cancel follow-up reviews.</summary>
    public const string ManageSchedule = "manage-schedule";

    /// <summary>Create, move and cancel reinspection plans: planners, and inspectors planning their own visits.</summary>
    public const string PlanReinspections = "plan-reinspections";

    /// <summary>The Hangfire dashboard: inspectors, and planners read-only.</summary>
    public const string HangfireDashboard = "hangfire-dashboard";

    /// <summary>The dashboard's authentication scheme (scheduling registers it): a bearer token, or the portal's cookie in a browser.</summary>
    public const string HangfireDashboardScheme = "hangfire-dashboard";

    /// <summary>Anyone with a valid token of a known role (their own account details).</summary>
    public const string SignedIn = "signed-in";

    /// <summary>Invite, change, deactivate and reactivate people: admins only.</summary>
    public const string ManagePeople = "manage-people";

    public static AuthorizationBuilder AddTrackingPolicies(this AuthorizationBuilder builder) => builder
        // Anything not marked otherwise needs at least a valid token; the endpoint guard test keeps routes explicit.
        .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
        .AddPolicy(Inspectorate, p => p.RequireRole(TrackingRoles.Inspector).Machine(MachineScopes.Write))
        .AddPolicy(ProviderWork, p => p.RequireRole(TrackingRoles.ProviderManager).Machine(MachineScopes.Write))
        .AddPolicy(ReadRecommendations, p => p.RequireRole(TrackingRoles.All).Machine(MachineScopes.Read))
        .AddPolicy(ReadEvidenceFiles, p => p.RequireRole(TrackingRoles.Inspector, TrackingRoles.ProviderManager).Machine(MachineScopes.Read))
        .AddPolicy(ReadPlanning, p => p.RequireRole(TrackingRoles.All).Machine(MachineScopes.Read))
        .AddPolicy(ReadSchedule, p => p.RequireRole(TrackingRoles.All).Machine(MachineScopes.Read))
        .AddPolicy(ManageSchedule, p => p.RequireRole(TrackingRoles.Planner).Machine(MachineScopes.Write))
        .AddPolicy(PlanReinspections, p => p.RequireRole(TrackingRoles.Planner, TrackingRoles.Inspector).Machine(MachineScopes.Write))
        .AddPolicy(HangfireDashboard, p => p.AddAuthenticationSchemes(HangfireDashboardScheme).RequireRole(TrackingRoles.Inspector, TrackingRoles.Planner).Machine(null))
        .AddPolicy(SignedIn, p => p.RequireRole(TrackingRoles.Known).Machine(MachineScopes.Read))
        .AddPolicy(ManagePeople, p => p.RequireRole(TrackingRoles.Admin).Machine(null));

    private static AuthorizationPolicyBuilder Machine(this AuthorizationPolicyBuilder policy, string? scope) =>
        policy.AddRequirements(new MachineScopeRequirement(scope));
}
