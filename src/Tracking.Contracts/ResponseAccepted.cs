namespace Tracking.Contracts;

public sealed record ResponseAccepted(
    Guid RecommendationId, string ProviderId, int ResponseVersion, string? Comment,
    string Actor, DateTimeOffset OccurredAt, RecommendationState State);
