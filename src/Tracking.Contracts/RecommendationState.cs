namespace Tracking.Contracts;

/// <summary>
/// The recommendation as it stands after the change an event reports. Every lifecycle event carries it, with a
/// version that rises by one per change, so a consumer can apply events in any order and keep the newest.
/// </summary>
public sealed record RecommendationState(
    string Status,
    int Version,
    DateOnly? TargetDate,
    DateOnly? NextDueOn,
    int OpenActions,
    int EvidenceAwaitingReview,
    DateOnly? LastEvidenceOn,
    string? LastProgressJudgement,
    string? ClosedAs,
    DateTimeOffset? ClosedAt);
