namespace Tracking.Contracts;

public sealed record RecommendationClosed(
    Guid RecommendationId, string ProviderId, string ClosedAs, string Comment,
    string Actor, DateTimeOffset OccurredAt, RecommendationState State);
