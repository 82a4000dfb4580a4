namespace Tracking.Contracts;

public sealed record ProviderResponded(
    Guid RecommendationId, string ProviderId, int ResponseVersion, string Response, string? Rationale,
    string Actor, DateTimeOffset OccurredAt, RecommendationState State);
