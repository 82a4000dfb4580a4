namespace Tracking.Contracts;

/// <summary>One per recommendation of a published inspection: the start of a tracked action.</summary>
public sealed record RecommendationPublished(
    Guid RecommendationId,
    Guid InspectionId,
    ProviderRef Provider,
    int Number,
    string Text,
    IReadOnlyList<string> Addressees,
    IReadOnlyList<string> LinkedStandards,
    DateOnly PublishedOn,
    DateTimeOffset PublishedAt,
    RecommendationState? State = null);
