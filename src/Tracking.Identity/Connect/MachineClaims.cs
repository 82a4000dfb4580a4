using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using Tracking.ServiceDefaults.Security;

namespace Tracking.Identity.Connect;

/// <summary>A machine client's token: its client id as subject and name, only the scopes it asked for and may have.</summary>
internal static class MachineClaims
{
    public static ClaimsPrincipal For(string clientId, IEnumerable<string> scopes, string audience)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, TrackingClaims.Name, TrackingClaims.Role);
        identity.SetClaim(TrackingClaims.Subject, clientId).SetClaim(TrackingClaims.Name, clientId);
        var granted = scopes.ToList();
        identity.SetScopes(granted);
        identity.SetResources(audience);
        identity.SetDestinations(_ => [OpenIddictConstants.Destinations.AccessToken]);
        return new ClaimsPrincipal(identity);
    }
}
