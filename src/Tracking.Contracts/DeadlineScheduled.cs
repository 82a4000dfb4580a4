namespace Tracking.Contracts;

/// <summary>
/// A deadline was opened (<paramref name="Open"/> true) or stopped counting: met, moved (the old one closes and a new
/// one with a new id opens) or cancelled. Each deadline opens at most once and closes at most once, so a reader keeps
/// "closed" once heard and needs no other ordering.
/// </summary>
public sealed record DeadlineScheduled(
    Guid DeadlineId, string Kind, Guid RecommendationId, Guid? ActionId, Guid? EvidenceId, string ProviderId,
    DateOnly DueOn, bool Open, DateTimeOffset OccurredAt);
