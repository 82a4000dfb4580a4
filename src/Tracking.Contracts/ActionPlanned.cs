namespace Tracking.Contracts;

public sealed record ActionPlanned(
    Guid RecommendationId, string ProviderId, Guid ActionId, string Description, string OwnerName, string OwnerEmail,
    DateOnly TargetDate, string? MeasureOfSuccess, string Actor, DateTimeOffset OccurredAt, RecommendationState State);
