using Tracking.Public.ReadModel;
using Tracking.ServiceDefaults.OpenApi;

namespace Tracking.Public.Features;

/// <summary>The open-data download (docs/open-data/recommendations.schema.json describes it): inspections and their recommendations.</summary>
public sealed record OpenData(IReadOnlyList<OpenDataInspection> Inspections, IReadOnlyList<OpenDataRecommendation> Recommendations);

public sealed record OpenDataInspection(
    Guid InspectionId, string ProviderId, string ProviderName, string Region, string Title, DateOnly PublishedOn,
    [property: OpenApiEnum("Rating", "Outstanding", "Good", "RequiresImprovement", "Inadequate")] string OverallRating,
    IReadOnlyList<PublicRatedStandard> Standards);

/// <summary>One recommendation, with its provider and inspection: one row of the CSV.</summary>
public sealed record OpenDataRecommendation(
    string ProviderId, string ProviderName, string Region, Guid InspectionId, string InspectionTitle, DateOnly InspectionPublishedOn,
    [property: OpenApiEnum("Rating", "Outstanding", "Good", "RequiresImprovement", "Inadequate")] string OverallRating,
    Guid RecommendationId, int Number, string Text,
    [property: OpenApiEnum("Addressee", "Provider", "Hmpps", "MinistryOfJustice")] IReadOnlyList<string> Addressees,
    IReadOnlyList<string> LinkedStandards, PublicStatus Status,
    [property: OpenApiEnum("ResponseKind", "Agreed", "PartlyAgreed", "NotAgreed")] string? ResponseCategory,
    DateOnly? RespondedOn, DateOnly? TargetDate, DateOnly? ClosedOn,
    [property: OpenApiEnum("ProgressJudgement", "NoMeaningfulProgress", "InsufficientProgress", "ReasonableProgress", "GoodProgress")] string? LatestProgressJudgement,
    DateTimeOffset LastChangedAt);
