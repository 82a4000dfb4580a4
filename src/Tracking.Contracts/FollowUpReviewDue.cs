namespace Tracking.Contracts;

/// <summary>A follow-up review of an inspection's recommendations is due; lists those still open.</summary>
public sealed record FollowUpReviewDue(
    Guid ReviewId, Guid InspectionId, string ProviderId, DateOnly DueOn, IReadOnlyList<Guid> OpenRecommendationIds,
    DateTimeOffset OccurredAt);
