namespace Tracking.Web.Api;

// The parts of the planning API's answers the planners' pages show (docs/openapi/v1.json); enumerations stay strings.
public sealed record ProviderFigures(ProviderRef Provider, int Outstanding, int Overdue, int AtLeastReasonableProgress, double? ReasonableProgressShare,
    DateOnly? OldestOpenPublishedOn, int Escalated);

public sealed record RegionFigures(string Region, int Providers, int Outstanding, int Overdue, int AtLeastReasonableProgress,
    double? ReasonableProgressShare, DateOnly? OldestOpenPublishedOn, int Escalated);

/// <param name="Escalated">Optional in the API's contract; an older API leaves it out.</param>
public sealed record NationalFigures(int Regions, int Providers, int Outstanding, int Overdue, int AtLeastReasonableProgress,
    double? ReasonableProgressShare, DateOnly? OldestOpenPublishedOn, int? Escalated = null);

public sealed record RegionsOverview(IReadOnlyList<RegionFigures> Regions, NationalFigures National);

public sealed record RegionDetail(RegionFigures Totals, IReadOnlyList<ProviderFigures> Providers);

public sealed record LastInspection(Guid Id, string? Title, string? OverallRating, DateOnly? PublishedOn);

public sealed record ProviderSummary(ProviderRef Provider, int Outstanding, int Closed, int Overdue, IReadOnlyDictionary<string, int> ByStatus,
    DateOnly? OldestOutstandingPublishedOn, LastInspection? LastInspection, double AtLeastReasonableProgressShare, double? AverageDaysToClose,
    int Escalated);

public sealed record Theme(string Standard, string Name, int Open, int Providers);

public sealed record ThemesOverview(string? Region, int OpenRecommendations, IReadOnlyList<Theme> Themes);

public sealed record PlannedOutstandingRow(Guid RecommendationId, Guid InspectionId, ProviderRef Provider, int Number, string Text, string Status,
    IReadOnlyList<string> LinkedStandards, IReadOnlyList<string> Addressees, DateOnly PublishedOn, DateOnly? NextDueOn, string? LastProgressJudgement,
    bool Overdue, int DaysOverdue, bool Escalated);

public sealed record PlannedOutstandingPage(IReadOnlyList<PlannedOutstandingRow> Items, string? NextCursor);

public sealed record ChecklistAction(Guid ActionId, string Description, string OwnerName, DateOnly? TargetDate, bool Done);

public sealed record ChecklistEvidence(int Submitted, int AwaitingReview, DateOnly? LastEvidenceOn, string? LastOutcome);

public sealed record ChecklistItem(Guid RecommendationId, int Number, string Text, string Status, IReadOnlyList<string> LinkedStandards,
    DateOnly? NextDueOn, IReadOnlyList<ChecklistAction> Actions, ChecklistEvidence Evidence, string? LastProgressJudgement);

public sealed record ReinspectionPlanView(Guid Id, ProviderRef Provider, DateOnly PlannedOn, string Kind, string Status, DateTime? FrozenAt,
    DateTime ChecklistAsOf, IReadOnlyList<DateOnly> MovedFrom, IReadOnlyList<ChecklistItem> Checklist);

public sealed record ReinspectionPlanRow(Guid Id, ProviderRef Provider, DateOnly PlannedOn, string Kind, string Status, DateTime? FrozenAt);

public sealed record HistoryPoint(DateOnly Day, int Open, int Closed, IReadOnlyDictionary<string, int> Judgements);

public sealed record PlanningHistory(string? ProviderId, string? Region, string Interval, IReadOnlyList<HistoryPoint> Points);
