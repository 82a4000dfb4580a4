using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Tracking.Identity.People;
using Tracking.Identity.TwoFactor;
using Tracking.ServiceDefaults.Security;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Tracking.Identity.Connect;

/// <summary>
/// /connect/authorize after OpenIddict has validated the request: a person signed in to the identity cookie gets a
/// code; anyone else is sent to the sign-in page and back here. First-party clients only, so no consent screen.
/// </summary>
internal static class AuthorizeEndpoint
{
    public static IEndpointRouteBuilder MapAuthorize(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], Authorize).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> Authorize(HttpContext context, UserManager<Person> people, AuthSettings auth, MfaPolicy mfa)
    {
        var request = context.GetOpenIddictServerRequest()
                      ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        var cookie = await context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var person = cookie.Succeeded ? await people.GetUserAsync(cookie.Principal) : null;
        if (person is null || !person.Active || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Results.Forbid(Refusal(Errors.LoginRequired, "Sign-in is required."), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
            }

            // Back to this same request once signed in, without prompt=login so it does not loop.
            var parameters = (context.Request.HasFormContentType ? context.Request.Form.AsEnumerable() : context.Request.Query.AsEnumerable())
                .Where(p => !(p.Key == Parameters.Prompt && p.Value.ToString().Contains(PromptValues.Login, StringComparison.Ordinal)))
                .ToList();
            return Results.Challenge(
                new AuthenticationProperties { RedirectUri = context.Request.PathBase + context.Request.Path + QueryString.Create(parameters) },
                [IdentityConstants.ApplicationScheme]);
        }

        if (mfa.MustSetUp(person, await people.HasPasskey(person)))
        {
            // No code for a client until a person whose role needs a second factor has one; then back to this request.
            return Results.Redirect("/account/security?ReturnUrl=" + Uri.EscapeDataString(context.Request.PathBase + context.Request.Path + context.Request.QueryString));
        }

        var principal = PersonClaims.For(person, request.GetScopes(), auth.Audience);
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    internal static AuthenticationProperties Refusal(string error, string description) => new(new Dictionary<string, string?>
    {
        [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
        [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
    });
}
