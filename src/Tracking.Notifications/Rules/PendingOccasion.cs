namespace Tracking.Notifications.Rules;

/// <summary>
/// An event a rule applies to, kept until the dispatcher turns it into mail. Recipients are looked up then, not when
/// the event is consumed, so a person announced just after the event still hears of it. (EventKey, Rule) is unique:
/// a redelivered or replayed event keeps its first row.
/// </summary>
public sealed class PendingOccasion
{
    public Guid Id { get; set; }

    public string EventKey { get; set; } = "";

    public string Rule { get; set; } = "";

    /// <summary>Who the rule tells here: a rule's own audience, or a narrower one (the inspectorate's review deadline).</summary>
    public Audience Audience { get; set; }

    public string ProviderId { get; set; } = "";

    public Guid? RecommendationId { get; set; }

    public Guid? ActionId { get; set; }

    public string Link { get; set; } = "";

    /// <summary>The template values, as JSON.</summary>
    public string Values { get; set; } = "{}";

    public DateTime CreatedAt { get; set; }

    /// <summary>When its mail was queued; null while it waits for its audience.</summary>
    public DateTime? ResolvedAt { get; set; }

    /// <summary>A claim by one dispatcher, so two processes don't both work one occasion.</summary>
    public DateTime? ClaimedUntil { get; set; }
}
