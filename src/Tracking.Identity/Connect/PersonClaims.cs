using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using Tracking.Identity.People;
using Tracking.ServiceDefaults.Security;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Tracking.Identity.Connect;

/// <summary>What a person's tokens say about them: exactly the claim names the API reads (TrackingClaims).</summary>
internal static class PersonClaims
{
    public static ClaimsPrincipal For(Person person, IEnumerable<string> scopes, string audience)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, TrackingClaims.Name, TrackingClaims.Role);
        identity.SetClaim(TrackingClaims.Subject, person.Id)
            .SetClaim(TrackingClaims.Name, person.Name)
            .SetClaim(TrackingClaims.Email, person.Email)
            .SetClaim(TrackingClaims.Role, person.Role);
        if (person.Role == TrackingRoles.ProviderManager && person.ProviderId is { Length: > 0 } provider)
        {
            identity.SetClaim(TrackingClaims.Provider, provider);
        }

        var granted = scopes.ToList();
        identity.SetScopes(granted);
        if (granted.Contains(TrackingScopes.Api))
        {
            identity.SetResources(audience);
        }

        identity.SetDestinations(Destinations);
        return new ClaimsPrincipal(identity);
    }

    /// <summary>The API and the portal both need who, role and provider: every person claim goes in both tokens.</summary>
    public static IEnumerable<string> Destinations(Claim claim) => claim.Type switch
    {
        TrackingClaims.Subject or TrackingClaims.Name or TrackingClaims.Email or TrackingClaims.Role or TrackingClaims.Provider
            => [OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken],
        _ => [OpenIddictConstants.Destinations.AccessToken],
    };
}
