using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Scalar.AspNetCore;

namespace Tracking.ServiceDefaults.Security;

/// <summary>
/// The API docs page's "Authorize": sign in at the identity service with the public docs client (code + PKCE, S256),
/// the code coming back to this same page, which swaps it for a token. A pasted bearer token still works too.
/// </summary>
public static class DocsSignIn
{
    /// <summary>The identity service's public client for the docs page: code + PKCE only, no secret.</summary>
    public const string ClientId = "tracking-docs";

    /// <summary>Where the identity service sends the code: the docs page itself, on the origin the page was opened at.</summary>
    public static Uri RedirectUri(Uri origin) => new(origin, "/scalar/");

    public static ScalarOptions WithDocsSignIn(this ScalarOptions options, HttpContext context)
    {
        var schemes = new ApiSecuritySchemes(context.RequestServices.GetRequiredService<AuthSettings>());
        var origin = new Uri($"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}");
        Uri Absolute(string path) => schemes.AuthorityUrl(path) is { IsAbsoluteUri: true } url ? url : new Uri(origin, path);
        return options
            .AddPreferredSecuritySchemes(ApiSecuritySchemes.SignIn)
            .AddAuthorizationCodeFlow(ApiSecuritySchemes.SignIn, flow =>
            {
                flow.ClientId = ClientId;
                flow.Pkce = Pkce.Sha256;
                flow.RedirectUri = RedirectUri(origin).ToString();
                flow.AuthorizationUrl = Absolute("connect/authorize").ToString();
                flow.TokenUrl = Absolute("connect/token").ToString();
                flow.SelectedScopes = [ApiSecuritySchemes.ApiScope];
                // A public client: its id goes in the form, and there is no secret to send in a Basic header.
                flow.CredentialsLocation = CredentialsLocation.Body;
            });
    }
}
