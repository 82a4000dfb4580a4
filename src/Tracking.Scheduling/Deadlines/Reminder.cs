namespace Tracking.Scheduling.Deadlines;

/// <summary>
/// A reminder before a deadline, as a row so the sweep finds those due with one indexed range query on
/// <see cref="FireAt"/>. One whose deadline is settled or already past when its moment comes is dropped unsent.
/// </summary>
public sealed class Reminder
{
    public Guid Id { get; init; }

    public Guid DeadlineId { get; init; }

    public int DaysBefore { get; init; }

    /// <summary>Start of the day <see cref="DaysBefore"/> days before the due day, London time, in UTC.</summary>
    public DateTime FireAt { get; init; }

    public DateTime? SentAt { get; set; }
}
