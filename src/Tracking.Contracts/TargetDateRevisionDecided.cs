namespace Tracking.Contracts;

public sealed record TargetDateRevisionDecided(
    Guid RecommendationId, string ProviderId, Guid RevisionId, Guid? ActionId, bool Approved, DateOnly RequestedDate,
    string Comment, string Actor, DateTimeOffset OccurredAt, RecommendationState State);
