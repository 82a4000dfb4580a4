using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using Tracking.ServiceDefaults.Security;

namespace Tracking.Identity.Connect;

/// <summary>
/// A machine client's token: its client id as subject and name, its configured role and provider, the machine_client
/// marker the API's scope checks look for, and only the scopes it asked for and may have.
/// </summary>
internal static class MachineClaims
{
    public static ClaimsPrincipal For(MachineClient client, IEnumerable<string> scopes, string audience)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, TrackingClaims.Name, TrackingClaims.Role);
        identity.SetClaim(TrackingClaims.Subject, client.ClientId).SetClaim(TrackingClaims.Name, client.ClientId)
            .SetClaim(TrackingClaims.Role, client.Role).SetClaim(MachineScopes.ClientClaim, client.ClientId);
        if (client.ProviderId is not null)
        {
            identity.SetClaim(TrackingClaims.Provider, client.ProviderId);
        }

        identity.SetScopes(scopes.ToList());
        identity.SetResources(audience);
        identity.SetDestinations(_ => [OpenIddictConstants.Destinations.AccessToken]);
        return new ClaimsPrincipal(identity);
    }
}
