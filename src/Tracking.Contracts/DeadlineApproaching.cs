namespace Tracking.Contracts;

/// <summary>A reminder: a deadline falls due in <paramref name="DaysBefore"/> days (end of its due day, UK time).</summary>
public sealed record DeadlineApproaching(
    Guid DeadlineId, string Kind, Guid RecommendationId, Guid? ActionId, Guid? EvidenceId, string ProviderId,
    DateOnly DueOn, DateTimeOffset DueAt, int DaysBefore, DateTimeOffset OccurredAt);
