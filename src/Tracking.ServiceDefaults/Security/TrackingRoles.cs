namespace Tracking.ServiceDefaults.Security;

/// <summary>The groups of people who use Tracking, as they appear in the token's role claim.</summary>
public static class TrackingRoles
{
    public const string Inspector = "inspector";
    public const string ProviderManager = "provider-manager";
    public const string Planner = "planner";

    /// <summary>Manages people and operations; sees no inspection data by this role alone.</summary>
    public const string Admin = "admin";

    /// <summary>The three roles that work on recommendations (the policies' "everyone").</summary>
    public static readonly string[] All = [Inspector, ProviderManager, Planner];

    /// <summary>Every role a token may carry.</summary>
    public static readonly string[] Known = [Inspector, ProviderManager, Planner, Admin];
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
