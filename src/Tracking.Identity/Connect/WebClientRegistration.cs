using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenIddict.Abstractions;
using Tracking.ServiceDefaults.Security;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Tracking.Identity.Connect;

/// <summary>
/// Registers (or brings up to date) the portal's client, `tracking-web`, at every start: code + PKCE + refresh,
/// its secret from configuration or the data folder, redirect URIs under the web origin when one is known.
/// </summary>
internal sealed class WebClientRegistration(IServiceScopeFactory scopes, IConfiguration configuration) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var settings = IdentitySettings.From(configuration);
        var descriptor = Descriptor(settings.WebOrigin);
        var existing = await applications.FindByClientIdAsync(WebClientSecret.ClientId, cancellationToken);
        if (existing is null)
        {
            descriptor.ClientSecret = WebClientSecret.Load(configuration);
            await applications.CreateAsync(descriptor, cancellationToken);
            return;
        }

        // Redirect URIs added for loopback origins at run time are kept; configured ones are added.
        var current = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(current, existing, cancellationToken);
        descriptor.RedirectUris.UnionWith(current.RedirectUris);
        descriptor.PostLogoutRedirectUris.UnionWith(current.PostLogoutRedirectUris);
        await applications.PopulateAsync(existing, descriptor, cancellationToken);
        await applications.UpdateAsync(existing, WebClientSecret.Load(configuration), cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    internal static OpenIddictApplicationDescriptor Descriptor(Uri? webOrigin)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = WebClientSecret.ClientId,
            ClientType = ClientTypes.Confidential,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "Track inspection recommendations (portal)",
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.Endpoints.EndSession,
                Permissions.Endpoints.Revocation,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile,
                Permissions.Scopes.Email,
                Permissions.Scopes.Roles,
                Permissions.Prefixes.Scope + TrackingScopes.Api,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        if (webOrigin is not null)
        {
            descriptor.RedirectUris.Add(WebRedirects.SignIn(webOrigin));
            descriptor.PostLogoutRedirectUris.Add(WebRedirects.SignOut(webOrigin));
        }

        return descriptor;
    }
}
