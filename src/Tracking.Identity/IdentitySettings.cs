using Microsoft.Extensions.Configuration;

namespace Tracking.Identity;

/// <summary>
/// Section Tracking:Identity. Issuer empty means the request's own origin (the embedded default). Web origin is
/// where the portal's redirect URIs live: Tracking:Web:PublicOrigin, else the issuer's origin.
/// </summary>
internal sealed record IdentitySettings(Uri? Issuer, Uri? WebOrigin, TimeSpan AccessTokenLifetime, TimeSpan RefreshTokenLifetime)
{
    public const string Section = "Tracking:Identity";

    public static IdentitySettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var issuer = section["Issuer"] is { Length: > 0 } i ? new Uri(i, UriKind.Absolute) : null;
        var web = configuration["Tracking:Web:PublicOrigin"] is { Length: > 0 } w ? new Uri(w, UriKind.Absolute) : issuer;
        return new IdentitySettings(
            issuer,
            web is null ? null : new Uri(web.GetLeftPart(UriPartial.Authority)),
            section.GetValue("AccessTokenLifetime", TimeSpan.FromMinutes(10)),
            section.GetValue("RefreshTokenLifetime", TimeSpan.FromHours(8)));
    }

    /// <summary>OpenIddict refuses plain http unless told; only a loopback issuer (or none, checked per request) may use it.</summary>
    public bool AllowsHttp => Issuer is null || (Issuer.Scheme == Uri.UriSchemeHttp && Issuer.IsLoopback);
}
