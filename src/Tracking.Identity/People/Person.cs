using Microsoft.AspNetCore.Identity;

namespace Tracking.Identity.People;

/// <summary>Someone who signs in to Tracking: an ASP.NET Identity user with the one role and provider the tokens carry.</summary>
public sealed class Person : IdentityUser
{
    public string Name { get; set; } = "";

    /// <summary>One of TrackingRoles.Known.</summary>
    public string Role { get; set; } = "";

    /// <summary>The provider a provider manager acts for; null for everyone else.</summary>
    public string? ProviderId { get; set; }

    /// <summary>False once an admin deactivates them: no sign-in, no refresh.</summary>
    public bool Active { get; set; } = true;

    /// <summary>Seeded demo people sign in without a second factor whatever the role's policy says.</summary>
    public bool MfaExempt { get; set; }

    public DateTime CreatedAt { get; set; }
}
