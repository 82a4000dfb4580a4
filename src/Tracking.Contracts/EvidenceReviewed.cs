namespace Tracking.Contracts;

public sealed record EvidenceReviewed(
    Guid RecommendationId, string ProviderId, Guid EvidenceId, string Outcome, string? ProgressJudgement, string Comment,
    string Actor, DateTimeOffset OccurredAt, RecommendationState State);
