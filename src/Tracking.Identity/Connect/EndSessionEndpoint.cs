using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using OpenIddict.Server.AspNetCore;

namespace Tracking.Identity.Connect;

/// <summary>/connect/endsession: ends the identity cookie session, then OpenIddict returns to the client's post-logout URI.</summary>
internal static class EndSessionEndpoint
{
    public static IEndpointRouteBuilder MapEndSession(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/connect/endsession", [HttpMethods.Get, HttpMethods.Post], async (HttpContext context) =>
        {
            await context.SignOutAsync(IdentityConstants.ApplicationScheme);
            return Results.SignOut(new AuthenticationProperties { RedirectUri = "/account/sign-in" },
                [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
