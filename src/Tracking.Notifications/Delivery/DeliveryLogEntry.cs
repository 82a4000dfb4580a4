namespace Tracking.Notifications.Delivery;

/// <summary>One line of a message's history: queued, sent, failed (with the reason and the next try), given up.</summary>
public sealed class DeliveryLogEntry
{
    public long Id { get; set; }

    public Guid NotificationId { get; set; }

    public DateTime At { get; set; }

    public string Outcome { get; set; } = "";

    public int Attempt { get; set; }

    public string? Detail { get; set; }
}

public static class DeliveryOutcome
{
    public const string Queued = "queued";
    public const string HeldForDigest = "held for digest";
    public const string OptedOut = "opted out";
    public const string Sent = "sent";
    public const string Failed = "failed";
    public const string GivenUp = "given up";
    public const string Digested = "in digest";
}
