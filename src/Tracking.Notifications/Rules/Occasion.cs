namespace Tracking.Notifications.Rules;

/// <summary>What happened, as the rules need it: the event's stable key, whose it is, where the mail links to, the template values.</summary>
public sealed record Occasion(
    string EventKey,
    string ProviderId,
    Guid? RecommendationId,
    Guid? ActionId,
    string Link,
    IReadOnlyDictionary<string, string> Values);
