using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Tracking.Web.Ui.Security;

/// <summary>
/// A per-request nonce and the page policy that allows only scripts carrying it: no 'unsafe-inline' anywhere.
/// The header goes on HTML answers only; the API keeps its own stricter policy.
/// </summary>
public static class ContentSecurityPolicy
{
    private static readonly object NonceKey = new();

    public static string GetCspNonce(this HttpContext context)
    {
        if (context.Items[NonceKey] is not string nonce)
        {
            nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
            context.Items[NonceKey] = nonce;
        }

        return nonce;
    }

    internal static string PolicyFor(string nonce, string? formTarget) =>
        $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
        + $"connect-src 'self'; form-action 'self'{(formTarget is null ? "" : " " + formTarget)}; frame-ancestors 'none'; "
        + "base-uri 'self'; object-src 'none'";

    /// <summary>The identity issuer's origin, when it is another one: sign-in and sign-out forms post or redirect there.</summary>
    internal static string? IssuerOrigin(IConfiguration configuration) =>
        Uri.TryCreate(configuration["Tracking:Identity:Issuer"], UriKind.Absolute, out var issuer)
            ? issuer.GetLeftPart(UriPartial.Authority)
            : null;

    internal static Task Apply(HttpContext context, string? formTarget)
    {
        var response = context.Response;
        var isHtml = response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;
        // Interactive docs and the Hangfire dashboard bring their own inline scripts and keep the server's page policy.
        var foreignPage = context.Request.Path.StartsWithSegments("/scalar") || context.Request.Path.StartsWithSegments("/hangfire");
        if (isHtml && !foreignPage)
        {
            response.Headers.ContentSecurityPolicy = PolicyFor(context.GetCspNonce(), formTarget);
            response.Headers.CacheControl = "no-store";
        }

        return Task.CompletedTask;
    }
}
