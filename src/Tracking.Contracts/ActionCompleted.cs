namespace Tracking.Contracts;

public sealed record ActionCompleted(
    Guid RecommendationId, string ProviderId, Guid ActionId, string Actor, DateTimeOffset OccurredAt, RecommendationState State);
