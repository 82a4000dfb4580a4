using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Tracking.Identity.Keys;

namespace Tracking.Identity.ApiTokens;

/// <summary>
/// Embedded mode: the API in this process accepts the identity service's access tokens beside the locally minted
/// ones, by trusting its public signing keys (the signing one, and the next and previous while a rotation runs). A token signed with that key must carry this service's issuer (the
/// configured one, or any absolute URI when the issuer is the request's own origin, since only we hold the key).
/// </summary>
internal sealed class AcceptIdentityTokens(IdentityKeys keys, IdentitySettings settings) : IPostConfigureOptions<JwtBearerOptions>
{
    public void PostConfigure(string? name, JwtBearerOptions options)
    {
        if (name != JwtBearerDefaults.AuthenticationScheme || options.Authority is not null)
        {
            return;
        }

        var parameters = options.TokenValidationParameters;
        var published = keys.Published.Select(IdentityKeys.PublicOnly).ToList();
        var ourKeyIds = published.Select(k => k.KeyId).ToHashSet(StringComparer.Ordinal);
        parameters.IssuerSigningKeys = [.. parameters.IssuerSigningKeys ?? [], .. published];
        if (parameters.IssuerSigningKey is { } local)
        {
            parameters.IssuerSigningKeys = [.. parameters.IssuerSigningKeys, local];
        }

        var localIssuer = parameters.ValidIssuer;
        parameters.IssuerValidator = (issuer, token, _) =>
        {
            var ours = token.SigningKey?.KeyId is { } keyId && ourKeyIds.Contains(keyId);
            var valid = ours
                ? settings.Issuer is null ? Uri.IsWellFormedUriString(issuer, UriKind.Absolute) : SameIssuer(issuer, settings.Issuer)
                : issuer == localIssuer;
            return valid ? issuer : throw new SecurityTokenInvalidIssuerException($"Issuer '{issuer}' is not trusted here.");
        };
    }

    private static bool SameIssuer(string issuer, Uri configured) =>
        Uri.TryCreate(issuer, UriKind.Absolute, out var actual) && actual.AbsoluteUri.TrimEnd('/') == configured.AbsoluteUri.TrimEnd('/');
}
