namespace Tracking.Scheduling;

/// <summary>Service levels and timer settings, from configuration section <c>Tracking:Scheduling</c>.</summary>
public sealed class SchedulingOptions
{
    public const string Section = "Tracking:Scheduling";

    /// <summary>The provider's response and action plan are due this many working days after publication.</summary>
    public int ResponseDueWorkingDays { get; set; } = 40;

    /// <summary>The inspectorate reviews submitted evidence within this many working days.</summary>
    public int EvidenceReviewWorkingDays { get; set; } = 20;

    /// <summary>Days before a due date on which a reminder goes out; null means the default 7 and 1.</summary>
    public int[]? ReminderDaysBefore { get; set; }

    /// <summary>A missed deadline still not done this many days after it was reported missed is escalated.</summary>
    public int EscalateAfterDays { get; set; } = 14;

    public int FollowUpReviewAfterMonths { get; set; } = 9;

    /// <summary>Rows the sweep claims per transaction.</summary>
    public int SweepBatchSize { get; set; } = 500;

    // A configured list replaces the default rather than being appended to it, which array binding would do.
    public IReadOnlyList<int> Reminders => ReminderDaysBefore is { Length: > 0 } configured ? configured.Distinct().ToArray() : [7, 1];
}
