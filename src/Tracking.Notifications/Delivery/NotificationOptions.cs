namespace Tracking.Notifications.Delivery;

/// <summary>Section Tracking:Notifications: how the mail queue is worked and when digests go out.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Tracking:Notifications";

    /// <summary>How long the dispatcher sleeps when nothing woke it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Attempts before a message is given up (and shown as a failure to admins).</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>The wait after the first failure; it doubles after each further one (30 s, 1 min, 2 min, …).</summary>
    public TimeSpan FirstRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a dispatcher holds a message it is sending before another may take it over.</summary>
    public TimeSpan ClaimFor { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>UK time (Europe/London) of the daily digest.</summary>
    public TimeOnly DigestTime { get; set; } = new(7, 0);

    public int BatchSize { get; set; } = 20;

    /// <summary>
    /// How long an event waits for its audience when part of it is unknown (a provider with no manager in the directory
    /// yet): identity's Person events may arrive after it, as on a first start with demo data.
    /// </summary>
    public TimeSpan AudienceGrace { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Months between update rounds (3: quarterly, on 1 January, April, July and October at the digest time); 0 turns them off.</summary>
    public int UpdateRoundEveryMonths { get; set; } = 3;

    /// <summary>A round asks about open actions due within this many days of its start (overdue ones too).</summary>
    public int UpdateRoundWindowDays { get; set; } = 45;
}
