namespace Tracking.Notifications.Webhooks;

/// <summary>Section Tracking:Notifications:Webhooks.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Tracking:Notifications:Webhooks";

    /// <summary>
    /// Addresses or networks (CIDR) that may be called although private, loopback or link-local, e.g. "127.0.0.1" in
    /// tests or "10.20.0.0/16" for a receiver inside the department's network. Empty: public addresses only.
    /// </summary>
    public List<string> AllowedNetworks { get; set; } = [];

    /// <summary>A receiver must answer within this, or the attempt fails.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The wait after the first failure; it doubles after each further one.</summary>
    public TimeSpan FirstRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries stop this long after the event; the delivery is given up and the endpoint switched off.</summary>
    public TimeSpan RetryFor { get; set; } = TimeSpan.FromHours(24);

    public TimeSpan ClaimFor { get; set; } = TimeSpan.FromMinutes(2);

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public int BatchSize { get; set; } = 20;
}
