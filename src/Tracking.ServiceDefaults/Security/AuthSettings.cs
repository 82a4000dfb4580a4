using Microsoft.Extensions.Configuration;

namespace Tracking.ServiceDefaults.Security;

/// <summary>
/// Token validation settings (section Tracking:Auth). With an Authority, tokens come from that OpenID Connect
/// provider. Without one, the server signs its own: with SigningKey if configured (share it between the processes
/// of a distributed deployment), else with a key generated at first start into the data folder.
/// </summary>
public sealed record AuthSettings(string? Authority, string Audience, string Issuer, string? SigningKey)
{
    public const string Section = "Tracking:Auth";
    public const string LocalIssuer = "tracking-local";

    public bool UsesExternalAuthority => !string.IsNullOrWhiteSpace(Authority);

    public static AuthSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        return new AuthSettings(
            section["Authority"],
            section["Audience"] is { Length: > 0 } audience ? audience : "tracking-api",
            section["Issuer"] is { Length: > 0 } issuer ? issuer : LocalIssuer,
            section["SigningKey"]);
    }
}
