using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Tracking.Identity.Features.ManagePeople;

/// <summary>Where links in e-mails point: the configured issuer, else the origin the admin's request came to.</summary>
internal static class IdentityOrigin
{
    public static Uri Of(HttpContext context) =>
        context.RequestServices.GetRequiredService<IdentitySettings>().Issuer is { } issuer
            ? new Uri(issuer.GetLeftPart(UriPartial.Authority))
            : new Uri($"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}");
}
