using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Tracking.Identity.People;
using Tracking.ServiceDefaults.Security;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Tracking.Identity.Connect;

/// <summary>/connect/userinfo: the person behind the access token OpenIddict validated, as they are now.</summary>
internal static class UserInfoEndpoint
{
    public static IEndpointRouteBuilder MapUserInfo(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/connect/userinfo", [HttpMethods.Get, HttpMethods.Post], UserInfo)
            .AllowAnonymous() // the access token is checked by OpenIddict's own scheme below, not the API's bearer scheme
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> UserInfo(HttpContext context, UserManager<Person> people)
    {
        var token = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var subject = token.Principal?.GetClaim(Claims.Subject);
        var person = subject is null ? null : await people.FindByIdAsync(subject);
        if (person is null || !person.Active)
        {
            return Results.Challenge(AuthorizeEndpoint.Refusal(Errors.InvalidToken, "This account can no longer sign in."),
                [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var claims = new Dictionary<string, object?>
        {
            [TrackingClaims.Subject] = person.Id,
            [TrackingClaims.Name] = person.Name,
            [TrackingClaims.Email] = person.Email,
            [TrackingClaims.Role] = person.Role,
        };
        if (person.ProviderId is { Length: > 0 } provider)
        {
            claims[TrackingClaims.Provider] = provider;
        }

        return Results.Ok(claims);
    }
}
