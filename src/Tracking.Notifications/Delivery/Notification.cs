namespace Tracking.Notifications.Delivery;

/// <summary>
/// One e-mail to one address because of one event and one rule. Its (EventKey, Recipient, Rule) is unique in the
/// database: a redelivered or replayed event, or a second notifications process, cannot queue it twice.
/// The row is also the mail queue: the dispatcher sends what is due and records every attempt in the delivery log.
/// </summary>
public sealed class Notification
{
    public Guid Id { get; set; }

    /// <summary>The event's natural identity (e.g. "deadline-missed:{deadline}:{escalation}"), stable across replays.</summary>
    public string EventKey { get; set; } = "";

    public string Recipient { get; set; } = "";

    public string Rule { get; set; } = "";

    public bool Essential { get; set; }

    public string Subject { get; set; } = "";

    public string Text { get; set; } = "";

    public string Html { get; set; } = "";

    /// <summary>The portal page the mail points at, listed again when the item goes into a digest.</summary>
    public string Link { get; set; } = "";

    /// <summary>The template's placeholders, as JSON, for senders (GOV.UK Notify) that render their own copy.</summary>
    public string Personalisation { get; set; } = "{}";

    public NotificationStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When the dispatcher may next try it (after a failure: the backoff).</summary>
    public DateTime NextAttemptAt { get; set; }

    /// <summary>A claim by one dispatcher; a crashed one's claim lapses and another takes the message.</summary>
    public DateTime? ClaimedUntil { get; set; }

    public DateTime? SentAt { get; set; }

    public string? LastError { get; set; }

    /// <summary>For an item held for a digest: the digest message that carried it.</summary>
    public Guid? DigestId { get; set; }
}

public enum NotificationStatus
{
    /// <summary>Waiting to be sent (first time, or again after a failure).</summary>
    Queued,
    Sending,
    Sent,
    /// <summary>Failed too often; an admin sees it in the delivery log.</summary>
    GivenUp,
    /// <summary>Held for the person's daily digest.</summary>
    AwaitingDigest,
    /// <summary>Carried by a digest message, not sent on its own.</summary>
    Digested,
    /// <summary>Non-essential mail for someone who opted out: recorded, never sent.</summary>
    OptedOut,
}
