namespace Tracking.Contracts;

public sealed record EvidenceSubmitted(
    Guid RecommendationId, string ProviderId, Guid EvidenceId, IReadOnlyList<Guid> ActionIds, int FileCount,
    DateOnly EffectiveDate, string SubmittedBy, DateTimeOffset OccurredAt, RecommendationState State);
