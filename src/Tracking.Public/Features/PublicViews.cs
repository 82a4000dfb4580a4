using Tracking.Public.ReadModel;
using Tracking.ServiceDefaults.OpenApi;

namespace Tracking.Public.Features;

/// <summary>Providers matching the filters, by name.</summary>
public sealed record PublicProviderPage(IReadOnlyList<PublicProviderRow> Items);

public sealed record PublicProviderRow(
    string Id, string Name, string Region, int Inspections, int Recommendations, PublicStatusCounts ByStatus,
    PublicInspectionSummary? LastInspection);

/// <summary>How many recommendations are in each public status.</summary>
public sealed record PublicStatusCounts(int Published, int Responded, int InProgress, int ClosedImplemented, int ClosedNotImplemented)
{
    public static PublicStatusCounts Of(IEnumerable<PublicStatus> statuses)
    {
        var list = statuses.ToList();
        return new(list.Count(s => s == PublicStatus.Published), list.Count(s => s == PublicStatus.Responded),
            list.Count(s => s == PublicStatus.InProgress), list.Count(s => s == PublicStatus.ClosedImplemented),
            list.Count(s => s == PublicStatus.ClosedNotImplemented));
    }

    public int Open => Published + Responded + InProgress;
}

public sealed record PublicProviderRef(string Id, string Name, string Region);

public sealed record PublicRatedStandard(string Code, string Name, [property: OpenApiEnum("Rating", "Outstanding", "Good", "RequiresImprovement", "Inadequate")] string Rating);

public sealed record PublicInspectionSummary(
    Guid Id, string Title, [property: OpenApiEnum("Rating", "Outstanding", "Good", "RequiresImprovement", "Inadequate")] string OverallRating,
    DateOnly PublishedOn, IReadOnlyList<PublicRatedStandard> Standards, int Recommendations, PublicStatusCounts ByStatus);

/// <summary>A provider with its published inspections, newest first.</summary>
public sealed record PublicProviderView(string Id, string Name, string Region, IReadOnlyList<PublicInspectionSummary> Inspections);

/// <summary>An inspection report with its recommendations in report order.</summary>
public sealed record PublicInspectionView(
    Guid Id, string Title, [property: OpenApiEnum("Rating", "Outstanding", "Good", "RequiresImprovement", "Inadequate")] string OverallRating,
    DateOnly PublishedOn, IReadOnlyList<PublicRatedStandard> Standards, PublicProviderRef Provider,
    IReadOnlyList<PublicRecommendationView> Recommendations);

public sealed record PublicRecommendationView(
    Guid Id, int Number, string Text,
    [property: OpenApiEnum("Addressee", "Provider", "Hmpps", "MinistryOfJustice")] IReadOnlyList<string> Addressees,
    IReadOnlyList<string> LinkedStandards,
    PublicStatus Status,
    [property: OpenApiEnum("ResponseKind", "Agreed", "PartlyAgreed", "NotAgreed")] string? ResponseCategory,
    DateOnly PublishedOn, DateOnly? RespondedOn, DateOnly? TargetDate, DateOnly? ClosedOn,
    [property: OpenApiEnum("ProgressJudgement", "NoMeaningfulProgress", "InsufficientProgress", "ReasonableProgress", "GoodProgress")] string? LatestProgressJudgement,
    IReadOnlyList<PublicProgressJudgement> ProgressJudgements,
    IReadOnlyList<PublicStatusChange> StatusChanges);

public sealed record PublicProgressJudgement(
    DateOnly JudgedOn,
    [property: OpenApiEnum("ProgressJudgement", "NoMeaningfulProgress", "InsufficientProgress", "ReasonableProgress", "GoodProgress")] string Judgement);

/// <summary>The status a recommendation moved to, and from (null for its publication).</summary>
public sealed record PublicStatusChange(DateTimeOffset ChangedAt, PublicStatus? From, PublicStatus To);
