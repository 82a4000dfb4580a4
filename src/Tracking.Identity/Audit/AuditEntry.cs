namespace Tracking.Identity.Audit;

/// <summary>One line of the append-only audit log: who did what to whom, when and from where.</summary>
public sealed class AuditEntry
{
    public long Id { get; private set; }

    public DateTime At { get; private set; }

    /// <summary>What happened, e.g. sign-in, sign-in-failed, person-invited (see AuditActions).</summary>
    public string Action { get; private set; } = "";

    /// <summary>Who acted: a person's id, "anonymous" or "system".</summary>
    public string Actor { get; private set; } = "";

    /// <summary>The person it concerns, when there is one.</summary>
    public string? PersonId { get; private set; }

    /// <summary>The e-mail address given, kept for failures where no person matched.</summary>
    public string? Email { get; private set; }

    public string? IpAddress { get; private set; }

    public string? UserAgent { get; private set; }

    public string? Detail { get; private set; }

    public static AuditEntry Of(string action, string actor, DateTime at, string? personId = null, string? email = null,
        string? ipAddress = null, string? userAgent = null, string? detail = null) => new()
    {
        Action = action,
        Actor = actor,
        At = at,
        PersonId = personId,
        Email = email,
        IpAddress = ipAddress,
        UserAgent = userAgent is { Length: > 300 } tooLong ? tooLong[..300] : userAgent,
        Detail = detail,
    };
}
