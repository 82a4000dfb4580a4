namespace Tracking.Contracts;

/// <summary>
/// A deadline passed with the thing not done. Raised once per deadline (<paramref name="Escalation"/> 0), and once
/// more as an escalation (1) after a configurable further period if it is still not done.
/// </summary>
public sealed record DeadlineMissed(
    Guid DeadlineId, string Kind, Guid RecommendationId, Guid? ActionId, Guid? EvidenceId, string ProviderId,
    DateOnly DueOn, DateTimeOffset DueAt, int DaysOverdue, int Escalation, DateTimeOffset OccurredAt);
