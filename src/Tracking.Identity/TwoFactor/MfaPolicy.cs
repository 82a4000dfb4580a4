using Microsoft.Extensions.Configuration;
using Tracking.Identity.People;
using Tracking.ServiceDefaults.Security;

namespace Tracking.Identity.TwoFactor;

/// <summary>
/// Which roles must use a second factor (Tracking:Identity:RequireMfaForRoles, comma-separated; default inspector and
/// admin, the roles that change what providers see and who may sign in). Seeded demo people are exempt.
/// </summary>
internal sealed class MfaPolicy(IReadOnlySet<string> rolesRequiringMfa)
{
    public const string Key = IdentitySettings.Section + ":RequireMfaForRoles";

    public IReadOnlySet<string> RolesRequiringMfa { get; } = rolesRequiringMfa;

    public static MfaPolicy From(IConfiguration configuration)
    {
        var configured = configuration[Key] ?? $"{TrackingRoles.Inspector},{TrackingRoles.Admin}";
        var roles = configured.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        var unknown = roles.Where(r => !TrackingRoles.Known.Contains(r)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException($"{Key} names unknown roles: {string.Join(", ", unknown)}. Known: {string.Join(", ", TrackingRoles.Known)}.");
        }

        return new MfaPolicy(roles);
    }

    public bool Requires(Person person) => !person.MfaExempt && RolesRequiringMfa.Contains(person.Role);

    /// <summary>Their role needs a second factor and they have none yet: neither an authenticator app nor a passkey.</summary>
    public bool MustSetUp(Person person, bool hasPasskey) => Requires(person) && !person.TwoFactorEnabled && !hasPasskey;

    /// <summary>
    /// After a correct password: their role needs a second factor and their only one is a passkey, so the passkey is
    /// asked for next (a passkey alone is two factors: the device, and the fingerprint, face or PIN that unlocks it).
    /// </summary>
    public bool AsksForPasskey(Person person, bool hasPasskey) => Requires(person) && !person.TwoFactorEnabled && hasPasskey;
}
