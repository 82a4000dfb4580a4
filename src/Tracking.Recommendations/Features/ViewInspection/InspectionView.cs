using Tracking.Contracts;
using Tracking.Recommendations.Domain;
using Tracking.Recommendations.Features.ViewRecommendations;

namespace Tracking.Recommendations.Features.ViewInspection;

public sealed record StandardRatingView(string Code, string Name, Rating Rating);

public sealed record InspectionView(
    Guid Id,
    ProviderRef Provider,
    string Title,
    DateOnly FieldworkStartedOn,
    DateOnly? FieldworkEndedOn,
    Rating OverallRating,
    InspectionStatus Status,
    DateOnly? PublishedOn,
    DateTimeOffset? PublishedAt,
    string RecordedBy,
    string? PublishedBy,
    IReadOnlyList<StandardRatingView> Standards,
    IReadOnlyList<RecommendationView> Recommendations)
{
    public static InspectionView From(Inspection inspection) => new(
        inspection.Id,
        inspection.Provider,
        inspection.Title,
        inspection.FieldworkStartedOn,
        inspection.FieldworkEndedOn,
        inspection.OverallRating,
        inspection.Status,
        inspection.PublishedOn,
        inspection.PublishedAt,
        inspection.RecordedBy,
        inspection.PublishedBy,
        inspection.Standards
            .OrderBy(s => s.Code, StringComparer.Ordinal)
            .Select(s => new StandardRatingView(s.Code, InspectionFramework.Find(s.Code)?.Name ?? s.Code, s.Rating))
            .ToList(),
        inspection.Recommendations.OrderBy(r => r.Number).Select(r => RecommendationView.From(r, inspection)).ToList());
}
