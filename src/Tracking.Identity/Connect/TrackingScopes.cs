namespace Tracking.Identity.Connect;

internal static class TrackingScopes
{
    /// <summary>The scope that asks for an access token to the Tracking API; its resource is the token's audience.</summary>
    public const string Api = "tracking-api";
}
