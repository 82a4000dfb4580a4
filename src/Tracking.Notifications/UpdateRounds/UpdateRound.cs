namespace Tracking.Notifications.UpdateRounds;

/// <summary>
/// One round of update requests: every owner of an open action due by <see cref="DueBy"/> was asked once. Key is unique:
/// "scheduled:yyyy-MM-dd" for the cadence's round (two processes, or a repeated pass, start it once), a new id for one
/// an inspector starts.
/// </summary>
public sealed class UpdateRound
{
    public Guid Id { get; set; }

    public string Key { get; set; } = "";

    public DateTime StartedAt { get; set; }

    /// <summary>Open actions due on or before this day (overdue ones included) were in the round.</summary>
    public DateOnly DueBy { get; set; }

    /// <summary>The name of the inspector who started it; null for the cadence's own round.</summary>
    public string? StartedBy { get; set; }
}
