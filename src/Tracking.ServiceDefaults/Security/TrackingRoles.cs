namespace Tracking.ServiceDefaults.Security;

/// <summary>The three groups of people who use Tracking, as they appear in the token's role claim.</summary>
public static class TrackingRoles
{
    public const string Inspector = "inspector";
    public const string ProviderManager = "provider-manager";
    public const string Planner = "planner";

    public static readonly string[] All = [Inspector, ProviderManager, Planner];
}

/// <summary>Claim types Tracking reads from a token.</summary>
public static class TrackingClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Email = "email";
    public const string Role = "role";

    /// <summary>A provider a provider manager acts for; one claim per provider.</summary>
    public const string Provider = "provider_id";
}
