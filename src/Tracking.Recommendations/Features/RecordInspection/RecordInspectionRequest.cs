using Tracking.Recommendations.Domain;
using Tracking.ServiceDefaults.OpenApi;

namespace Tracking.Recommendations.Features.RecordInspection;

/// <summary>
/// An inspection as the inspectorate records it before publication. Enumerations arrive as text so that a
/// wrong value is reported against its field rather than failing the whole body.
/// </summary>
public sealed record RecordInspectionRequest(
    ProviderInput? Provider,
    string? Title,
    DateOnly? FieldworkStartedOn,
    [property: OpenApiOptional] DateOnly? FieldworkEndedOn,
    [property: OpenApiEnum(typeof(Rating))] string? OverallRating,
    List<StandardRatingInput>? Standards,
    List<RecommendationInput>? Recommendations);

public sealed record ProviderInput(string? Id, string? Name, string? Region);

public sealed record StandardRatingInput(string? Code, [property: OpenApiEnum(typeof(Rating))] string? Rating);

public sealed record RecommendationInput(int? Number, string? Text, [property: OpenApiEnum(typeof(Addressee))] List<string>? Addressees,
    [property: OpenApiOptional] List<string>? LinkedStandards);
