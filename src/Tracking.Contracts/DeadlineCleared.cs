namespace Tracking.Contracts;

/// <summary>A deadline stopped counting: met, moved by an approved revision, or cancelled (action done, recommendation closed).</summary>
public sealed record DeadlineCleared(
    Guid DeadlineId, string Kind, Guid RecommendationId, Guid? ActionId, string ProviderId, string Reason,
    bool WasMissed, DateTimeOffset OccurredAt);
