using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenIddict.Abstractions;
using Tracking.ServiceDefaults.Security;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Tracking.Identity.Connect;

/// <summary>
/// Registers (or brings up to date) the API docs page's client, `tracking-docs`, at every start: public (a page in
/// the browser keeps no secret), so code + PKCE and nothing else: no refresh, no client credentials. Its redirect
/// URIs are the docs page at the issuer's origin and at each of Tracking:Identity:DocsOrigins; loopback origins are
/// added at run time (<see cref="WebRedirects"/>).
/// </summary>
internal sealed class DocsClientRegistration(IServiceScopeFactory scopes, IConfiguration configuration) : IHostedService
{
    public const string OriginsKey = IdentitySettings.Section + ":DocsOrigins";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var descriptor = Descriptor(Origins(configuration));
        var existing = await applications.FindByClientIdAsync(DocsSignIn.ClientId, cancellationToken);
        if (existing is null)
        {
            await applications.CreateAsync(descriptor, cancellationToken);
            return;
        }

        // Loopback redirect URIs added at run time are kept.
        var current = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(current, existing, cancellationToken);
        descriptor.RedirectUris.UnionWith(current.RedirectUris.Where(u => u.IsLoopback));
        await applications.PopulateAsync(existing, descriptor, cancellationToken);
        await applications.UpdateAsync(existing, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    internal static IEnumerable<Uri> Origins(IConfiguration configuration)
    {
        var issuer = IdentitySettings.From(configuration).Issuer;
        var configured = (configuration[OriginsKey] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(o => new Uri(o, UriKind.Absolute));
        return (issuer is null ? configured : configured.Prepend(issuer)).Select(o => new Uri(o.GetLeftPart(UriPartial.Authority)));
    }

    internal static OpenIddictApplicationDescriptor Descriptor(IEnumerable<Uri> origins)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = DocsSignIn.ClientId,
            ClientType = ClientTypes.Public,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "Tracking API documentation",
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.ResponseTypes.Code,
                Permissions.Prefixes.Scope + TrackingScopes.Api,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var origin in origins)
        {
            descriptor.RedirectUris.Add(DocsSignIn.RedirectUri(origin));
        }

        return descriptor;
    }
}
