using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Tracking.ServiceDefaults.Security;

/// <summary>Mints tokens for local use (the `token` command, tests) with the local signing key.</summary>
public sealed class TokenIssuer(AuthSettings settings, SecurityKey key, TimeProvider clock)
{
    public string Mint(string role, IEnumerable<string>? providerIds = null, string? name = null, string? email = null,
        string? subject = null, TimeSpan? lifetime = null)
    {
        if (settings.UsesExternalAuthority)
        {
            throw new InvalidOperationException("Tokens come from the configured authority; this server does not mint its own.");
        }

        if (!TrackingRoles.Known.Contains(role))
        {
            throw new ArgumentException($"Unknown role '{role}'; use one of: {string.Join(", ", TrackingRoles.Known)}.", nameof(role));
        }

        var providers = providerIds?.ToList() ?? [];
        if (role == TrackingRoles.ProviderManager && providers.Count == 0)
        {
            throw new ArgumentException("A provider manager acts for at least one provider: give --provider <id>.", nameof(providerIds));
        }

        subject ??= $"local-{role}-{Guid.NewGuid():N}"[..24];
        var claims = new List<Claim>
        {
            new(TrackingClaims.Subject, subject),
            new(TrackingClaims.Name, name ?? $"Local {role}"),
            new(TrackingClaims.Role, role),
        };
        if (email is not null)
        {
            claims.Add(new Claim(TrackingClaims.Email, email));
        }

        claims.AddRange(providers.Select(p => new Claim(TrackingClaims.Provider, p)));
        var now = clock.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (lifetime ?? TimeSpan.FromHours(8)),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }
}
