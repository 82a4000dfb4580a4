namespace Tracking.Contracts;

/// <param name="ActionId">The action whose date should move; null for the recommendation's own target date.</param>
public sealed record TargetDateRevisionRequested(
    Guid RecommendationId, string ProviderId, Guid RevisionId, Guid? ActionId, DateOnly? CurrentDate, DateOnly RequestedDate,
    string Reason, string Actor, DateTimeOffset OccurredAt, RecommendationState State);
