namespace Tracking.Notifications.Webhooks;

/// <summary>
/// One event for one endpoint; (EndpointId, EventKey) is unique, so a redelivered or replayed event is sent once.
/// The row is also the queue: the dispatcher posts what is due and logs every attempt.
/// </summary>
public sealed class WebhookDelivery
{
    /// <summary>The webhook-id header: stable across retries, so receivers can drop duplicates.</summary>
    public Guid Id { get; set; }

    public Guid EndpointId { get; set; }

    public string EventType { get; set; } = "";

    public string EventKey { get; set; } = "";

    /// <summary>The exact JSON body that is signed and sent.</summary>
    public string Payload { get; set; } = "";

    public WebhookDeliveryStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime NextAttemptAt { get; set; }

    public DateTime? ClaimedUntil { get; set; }

    public DateTime? DeliveredAt { get; set; }

    public string? LastError { get; set; }
}

public enum WebhookDeliveryStatus
{
    Pending,
    Sending,
    Delivered,
    /// <summary>Failed for the whole retry window; can be redelivered by hand.</summary>
    GivenUp,
}

/// <summary>One try: when, the receiver's status code (none when it could not be reached), and why it failed.</summary>
public sealed class WebhookAttempt
{
    public long Id { get; set; }

    public Guid DeliveryId { get; set; }

    public int Attempt { get; set; }

    public DateTime At { get; set; }

    public int? StatusCode { get; set; }

    public string Outcome { get; set; } = "";

    public string? Detail { get; set; }
}
