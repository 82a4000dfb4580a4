namespace Tracking.Contracts;

public sealed record InspectionPublished(
    Guid InspectionId,
    ProviderRef Provider,
    string Title,
    string OverallRating,
    IReadOnlyList<StandardRating> Standards,
    IReadOnlyList<Guid> RecommendationIds,
    DateOnly PublishedOn,
    DateTimeOffset PublishedAt,
    string PublishedBy);
