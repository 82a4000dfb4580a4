using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Tracking.Identity.Connect;

/// <summary>Registers each configured machine client at start, with only the token endpoint, client credentials and its own scopes.</summary>
internal sealed class MachineClientRegistration(IServiceScopeFactory scopes, IReadOnlyList<MachineClient> clients) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        foreach (var client in clients)
        {
            var descriptor = new OpenIddictApplicationDescriptor
            {
                ClientId = client.ClientId,
                ClientType = ClientTypes.Confidential,
                DisplayName = $"Machine client {client.ClientId}",
                Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials, Permissions.Prefixes.Scope + TrackingScopes.Api },
            };
            descriptor.Permissions.UnionWith(client.Scopes.Select(s => Permissions.Prefixes.Scope + s));
            if (await applications.FindByClientIdAsync(client.ClientId, cancellationToken) is { } existing)
            {
                await applications.PopulateAsync(existing, descriptor, cancellationToken);
                await applications.UpdateAsync(existing, client.Secret, cancellationToken);
            }
            else
            {
                descriptor.ClientSecret = client.Secret;
                await applications.CreateAsync(descriptor, cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
