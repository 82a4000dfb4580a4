using Tracking.Contracts;

namespace Tracking.Planning.ReadModel;

/// <summary>
/// A deadline the scheduling service reported missed, or cleared. A recommendation is overdue while it has an
/// uncleared row here and is not closed; the outstanding view works that out at query time rather than keeping a copy.
/// </summary>
/// <remarks>
/// Both flags only ever go from false to true, so the two events converge whatever order and however often they
/// arrive: a clear that overtakes its missed event leaves a cleared row the missed event can no longer reopen.
/// A deadline that is moved and missed again must therefore come with a new <see cref="DeadlineId"/>.
/// </remarks>
public sealed class MissedDeadline
{
    public Guid DeadlineId { get; init; }

    public Guid RecommendationId { get; set; }

    public string ProviderId { get; set; } = "";

    /// <summary>One of <see cref="DeadlineKind"/>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>The day the deadline fell due; null only on a row whose clear arrived before the missed event.</summary>
    public DateOnly? DueOn { get; set; }

    /// <summary>The scheduling service escalated it (a second DeadlineMissed after a further period).</summary>
    public bool Escalated { get; set; }

    /// <summary>Met, moved by an approved revision, or cancelled; never set back.</summary>
    public bool Cleared { get; set; }

    public DateTime? ClearedAt { get; set; }

    /// <summary>Records what the missed event says; an escalation sets <see cref="Escalated"/>, and a cleared row stays cleared.</summary>
    public void Missed(DeadlineMissed message)
    {
        RecommendationId = message.RecommendationId;
        ProviderId = message.ProviderId;
        Kind = message.Kind;
        DueOn = message.DueOn;
        if (message.Escalation > 0)
        {
            Escalated = true;
        }
    }

    /// <summary>Marks the deadline cleared, keeping the earliest time it was reported cleared.</summary>
    public void Clear(DeadlineCleared message)
    {
        RecommendationId = message.RecommendationId;
        ProviderId = message.ProviderId;
        Kind = message.Kind;
        Cleared = true;
        var at = message.OccurredAt.UtcDateTime;
        if (ClearedAt is not { } earlier || at < earlier)
        {
            ClearedAt = at;
        }
    }
}
