using Tracking.Contracts;

namespace Tracking.Planning.ReadModel;

/// <summary>
/// A deadline the scheduling service opened or closed, kept so the outstanding row can show the earliest one still
/// open. Scheduling owns the working-day rules; planning only remembers the dates it is told.
/// </summary>
/// <remarks>
/// A deadline opens once and closes once (a move closes it and opens another with a new id), so <see cref="Closed"/>
/// only goes from false to true: duplicates and a close that overtakes its open converge on the same row.
/// </remarks>
public sealed class ScheduledDeadline
{
    public Guid DeadlineId { get; init; }

    public Guid RecommendationId { get; set; }

    /// <summary>One of <see cref="DeadlineKind"/>.</summary>
    public string Kind { get; set; } = "";

    public DateOnly DueOn { get; set; }

    public bool Closed { get; set; }

    public void Apply(DeadlineScheduled message)
    {
        RecommendationId = message.RecommendationId;
        Kind = message.Kind;
        DueOn = message.DueOn;
        Closed |= !message.Open;
    }
}
