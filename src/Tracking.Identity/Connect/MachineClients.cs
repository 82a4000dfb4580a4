using Microsoft.Extensions.Configuration;
using Tracking.ServiceDefaults.Security;

namespace Tracking.Identity.Connect;

/// <summary>
/// Machine clients (client credentials), from Tracking:Identity:Clients:{clientId}: Secret, Scopes (comma-separated,
/// of tracking-read and tracking-write), Role (default provider-manager) and ProviderId (needed for provider managers).
/// A provider's case system is a provider manager for its one provider, limited to the scopes it was given.
/// </summary>
internal sealed record MachineClient(string ClientId, string Secret, IReadOnlyList<string> Scopes, string Role, string? ProviderId)
{
    public const string Section = IdentitySettings.Section + ":Clients";

    public static IReadOnlyList<MachineClient> From(IConfiguration configuration) =>
        configuration.GetSection(Section).GetChildren().Select(Read).ToList();

    private static MachineClient Read(IConfigurationSection client)
    {
        var where = $"{Section}:{client.Key}";
        var secret = client["Secret"] is { Length: >= 16 } s ? s : throw new InvalidOperationException($"{where}:Secret needs at least 16 characters.");
        var scopes = (client["Scopes"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (scopes.Count == 0 || scopes.Any(scope => !MachineScopes.Known.Contains(scope)))
        {
            throw new InvalidOperationException($"{where}:Scopes names one or more of {string.Join(", ", MachineScopes.Known)}.");
        }

        var role = client["Role"] is { Length: > 0 } r ? r : TrackingRoles.ProviderManager;
        if (!TrackingRoles.All.Contains(role))
        {
            throw new InvalidOperationException($"{where}:Role is one of {string.Join(", ", TrackingRoles.All)}.");
        }

        var provider = client["ProviderId"] is { Length: > 0 } p ? p : null;
        if ((role == TrackingRoles.ProviderManager) != (provider is not null))
        {
            throw new InvalidOperationException($"{where}:ProviderId is needed for a provider manager, and only for one.");
        }

        return new MachineClient(client.Key, secret, scopes, role, provider);
    }
}
