using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using Tracking.ServiceDefaults.Security;

namespace Tracking.Identity.Connect;

/// <summary>
/// The portal's redirect URIs, and the API docs page's. With no web origin configured (the embedded default, or a test
/// on a random port), the portal and the docs are this same process: their URIs are registered for the request's own
/// origin, but only for loopback hosts, so a forged Host header cannot add a redirect elsewhere.
/// </summary>
internal static class WebRedirects
{
    public static Uri SignIn(Uri origin) => new(origin, "/signin-oidc");

    public static Uri SignOut(Uri origin) => new(origin, "/signout-callback-oidc");

    public static IApplicationBuilder UseLoopbackWebRedirects(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var path = context.Request.Path;
        if ((path.StartsWithSegments("/connect/authorize") || path.StartsWithSegments("/connect/endsession"))
            && IsLoopback(context.Request.Host.Host))
        {
            await Register(context);
        }

        await next();
    });

    private static bool IsLoopback(string host) =>
        host == "localhost" || (System.Net.IPAddress.TryParse(host, out var address) && System.Net.IPAddress.IsLoopback(address));

    private static async Task Register(HttpContext context)
    {
        var origin = new Uri($"{context.Request.Scheme}://{context.Request.Host}");
        await Register(context, WebClientSecret.ClientId, d => d.RedirectUris.Add(SignIn(origin)) | d.PostLogoutRedirectUris.Add(SignOut(origin)));
        if (context.Request.Path.StartsWithSegments("/connect/authorize"))
        {
            await Register(context, DocsSignIn.ClientId, d => d.RedirectUris.Add(DocsSignIn.RedirectUri(origin)));
        }
    }

    private static async Task Register(HttpContext context, string clientId, Func<OpenIddictApplicationDescriptor, bool> add)
    {
        var applications = context.RequestServices.GetRequiredService<IOpenIddictApplicationManager>();
        var client = await applications.FindByClientIdAsync(clientId, context.RequestAborted);
        if (client is null)
        {
            return;
        }

        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, client, context.RequestAborted);
        if (add(descriptor))
        {
            await applications.UpdateAsync(client, descriptor, context.RequestAborted);
        }
    }
}
