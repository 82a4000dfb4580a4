using Tracking.Contracts;
using Tracking.Recommendations.Domain;
using Tracking.ServiceDefaults.OpenApi;

namespace Tracking.Recommendations.Features.ViewRecommendations;

public sealed record RecommendationView(
    Guid Id,
    Guid InspectionId,
    ProviderRef Provider,
    int Number,
    string Text,
    [property: OpenApiEnum(typeof(Addressee))] IReadOnlyList<string> Addressees,
    IReadOnlyList<string> LinkedStandards,
    RecommendationStatus Status,
    DateOnly? PublishedOn)
{
    public static RecommendationView From(Recommendation recommendation, Inspection inspection) => new(
        recommendation.Id,
        recommendation.InspectionId,
        inspection.Provider,
        recommendation.Number,
        recommendation.Text,
        recommendation.Addressees,
        recommendation.LinkedStandards,
        recommendation.Status,
        inspection.PublishedOn);
}
