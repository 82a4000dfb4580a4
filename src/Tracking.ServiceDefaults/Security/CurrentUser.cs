using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Tracking.ServiceDefaults.Security;

/// <summary>The person making the request, read only from their validated token, never from the request body.</summary>
public sealed class CurrentUser(IHttpContextAccessor accessor)
{
    private ClaimsPrincipal Principal => accessor.HttpContext?.User ?? new ClaimsPrincipal();

    public string Subject => Principal.FindFirstValue(TrackingClaims.Subject) ?? "anonymous";

    public string DisplayName => Principal.FindFirstValue(TrackingClaims.Name) ?? Subject;

    public string? Email => Principal.FindFirstValue(TrackingClaims.Email);

    public bool IsInspector => Principal.IsInRole(TrackingRoles.Inspector);

    public bool IsPlanner => Principal.IsInRole(TrackingRoles.Planner);

    public bool IsProviderManager => Principal.IsInRole(TrackingRoles.ProviderManager);

    public IReadOnlyList<string> ProviderIds => Principal.FindAll(TrackingClaims.Provider).Select(c => c.Value).ToList();

    /// <summary>
    /// Whether this person may see a provider's data at all: the inspectorate and planners see every provider,
    /// a provider manager only those they act for.
    /// </summary>
    public bool CanSee(string providerId) => IsInspector || IsPlanner || ProviderIds.Contains(providerId);

    /// <summary>Null when every provider is visible; otherwise the only providers this person may see.</summary>
    public IReadOnlyList<string>? VisibleProviders => IsInspector || IsPlanner ? null : ProviderIds;
}
