using System.Security.Cryptography;
using System.Text;

namespace Tracking.Identity.Invitations;

/// <summary>
/// A link that lets an invited person set their password: single use, expiring. Only the code's hash is stored,
/// so a copy of the database cannot be used to complete someone's account.
/// </summary>
public sealed class Invitation
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(72);

    public Guid Id { get; private set; }

    public string PersonId { get; private set; } = "";

    public string CodeHash { get; private set; } = "";

    public DateTime IssuedAt { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    public DateTime? UsedAt { get; private set; }

    /// <summary>Set when a newer invitation for the same person replaces this one.</summary>
    public DateTime? WithdrawnAt { get; private set; }

    /// <returns>The invitation to store and the code to send (never stored).</returns>
    public static (Invitation Invitation, string Code) Issue(string personId, DateTime now)
    {
        var code = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (new Invitation
        {
            Id = Guid.NewGuid(),
            PersonId = personId,
            CodeHash = Hash(code),
            IssuedAt = now,
            ExpiresAt = now + Lifetime,
        }, code);
    }

    public static string Hash(string code) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code)));

    public InvitationState StateAt(DateTime now) =>
        UsedAt is not null ? InvitationState.Used
        : WithdrawnAt is not null ? InvitationState.Withdrawn
        : now >= ExpiresAt ? InvitationState.Expired
        : InvitationState.Open;

    /// <summary>Marks the invitation used; refuses (returns false) when it is not open at that moment.</summary>
    public bool Use(DateTime now)
    {
        if (StateAt(now) != InvitationState.Open)
        {
            return false;
        }

        UsedAt = now;
        return true;
    }

    public void Withdraw(DateTime now) => WithdrawnAt ??= now;
}

public enum InvitationState { Open, Used, Expired, Withdrawn }
