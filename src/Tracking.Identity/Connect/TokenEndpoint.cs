using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Tracking.Identity.People;
using Tracking.ServiceDefaults.Security;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Tracking.Identity.Connect;

/// <summary>
/// /connect/token after OpenIddict has validated the code, refresh token or client: each token is rebuilt from the
/// person as they are now, so a changed role shows at the next refresh and a deactivated person gets none.
/// </summary>
internal static class TokenEndpoint
{
    public static IEndpointRouteBuilder MapToken(this IEndpointRouteBuilder app)
    {
        app.MapPost("/connect/token", Exchange).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> Exchange(HttpContext context, UserManager<Person> people, AuthSettings auth)
    {
        var request = context.GetOpenIddictServerRequest()
                      ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var stored = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var subject = stored.Principal?.GetClaim(Claims.Subject);
            var person = subject is null ? null : await people.FindByIdAsync(subject);
            if (person is null || !person.Active)
            {
                return Results.Forbid(AuthorizeEndpoint.Refusal(Errors.InvalidGrant, "This account can no longer sign in."),
                    [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
            }

            return Results.SignIn(PersonClaims.For(person, stored.Principal!.GetScopes(), auth.Audience),
                authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        if (request.IsClientCredentialsGrantType()
            && context.RequestServices.GetRequiredService<IReadOnlyList<MachineClient>>().FirstOrDefault(c => c.ClientId == request.ClientId) is { } client)
        {
            return Results.SignIn(MachineClaims.For(client, request.GetScopes(), auth.Audience),
                authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        return Results.Forbid(AuthorizeEndpoint.Refusal(Errors.UnsupportedGrantType, "This grant type is not supported."),
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }
}
