namespace Tracking.Notifications.Webhooks;

/// <summary>An organisation's receiver: where events of the chosen types go, signed with its secret.</summary>
public sealed class WebhookEndpoint
{
    public Guid Id { get; set; }

    /// <summary>The provider whose events it receives; null for the inspectorate's (HMPPS) endpoints, which receive every provider's.</summary>
    public string? ProviderId { get; set; }

    public string Url { get; set; } = "";

    /// <summary>Event types, space-separated (e.g. "deadline.missed evidence.reviewed").</summary>
    public string EventTypes { get; set; } = "";

    /// <summary>"whsec_" and the base64 key, as Standard Webhooks writes it; signs each delivery.</summary>
    public string Secret { get; set; } = "";

    public bool Active { get; set; } = true;

    /// <summary>Why it was switched off (persistent failure), shown to its owners.</summary>
    public string? DisabledReason { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public IReadOnlyList<string> Types => EventTypes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
