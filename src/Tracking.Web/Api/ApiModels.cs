namespace Tracking.Web.Api;

// The parts of the recommendations and planning APIs' answers the pages show (docs/openapi/v1.json); enumerations stay strings.
public sealed record ProviderRef(string Id, string Name, string Region);

public sealed record OutstandingRow(Guid RecommendationId, Guid InspectionId, ProviderRef Provider, int Number, string Text, string Status,
    DateOnly PublishedOn, DateOnly? NextDueOn, int OpenActions, int EvidenceAwaitingReview, bool Overdue, int DaysOverdue);

public sealed record OutstandingPage(IReadOnlyList<OutstandingRow> Items, string? NextCursor);

public sealed record ResponseView(int Version, string Response, string? Rationale, string RespondedBy, DateTimeOffset RespondedAt, bool Accepted);

public sealed record ActionView(Guid Id, string Description, string OwnerName, string OwnerEmail, DateOnly TargetDate, string? MeasureOfSuccess,
    bool Done, DateTimeOffset? CompletedAt);

public sealed record EvidenceFileView(Guid Id, string Name, string ContentType, long Size);

public sealed record EvidenceView(Guid Id, string Narrative, DateOnly EffectiveDate, IReadOnlyList<Guid> ActionIds, IReadOnlyList<EvidenceFileView> Files,
    string SubmittedBy, DateTimeOffset SubmittedAt, string? Outcome, string? ProgressJudgement, string? ReviewComment, DateTimeOffset? ReviewedAt);

public sealed record RevisionView(Guid Id, Guid? ActionId, DateOnly? CurrentDate, DateOnly RequestedDate, string Reason, string Decision,
    string? DecisionComment, DateTimeOffset RequestedAt, DateTimeOffset? DecidedAt);

public sealed record RecommendationDetail(Guid Id, Guid InspectionId, ProviderRef Provider, int Number, string Text, IReadOnlyList<string> Addressees,
    IReadOnlyList<string> LinkedStandards, string Status, int Version, DateOnly? PublishedOn, DateOnly? TargetDate, DateOnly? NextDueOn,
    ResponseView? Response, IReadOnlyList<ActionView> Actions, IReadOnlyList<EvidenceView> Evidence, IReadOnlyList<RevisionView> Revisions,
    string? ClosedAs, string? ClosureComment, DateTimeOffset? ClosedAt);

public sealed record HistoryLine(int Sequence, DateTimeOffset At, string By, string ByName, string Change, string What, string? Why);

public sealed record UploadedFile(string Name, string ContentType, byte[] Content);

public sealed record DeadlineRow(Guid Id, string Kind, Guid RecommendationId, Guid? ActionId, string ProviderId, DateOnly DueOn, string Status, bool Missed);

public sealed record ScheduleView(IReadOnlyList<DeadlineRow> Deadlines, IReadOnlyList<FollowUpReviewRow>? FollowUpReviews = null);

public sealed record FollowUpReviewRow(Guid Id, Guid InspectionId, string ProviderId, DateOnly DueOn, string Status);

public sealed record CalendarFeedView(DateTimeOffset CreatedAt);

/// <param name="Path">The private feed's path on the API, secret token included; shown to its owner once.</param>
public sealed record NewCalendarFeed(string Token, string Path, DateTimeOffset CreatedAt);

public sealed record ResponseToAccept(Guid RecommendationId, ProviderRef Provider, int Number, string Text, int Version, string Response,
    DateTimeOffset RespondedAt);

public sealed record EvidenceToReview(Guid RecommendationId, Guid EvidenceId, ProviderRef Provider, int Number, string Text, int Files,
    DateTimeOffset SubmittedAt);

public sealed record RevisionToDecide(Guid RecommendationId, Guid RevisionId, ProviderRef Provider, int Number, string Text, Guid? ActionId,
    DateOnly? CurrentDate, DateOnly RequestedDate, string Reason, DateTimeOffset RequestedAt);

public sealed record WorkQueues(IReadOnlyList<ResponseToAccept> Responses, IReadOnlyList<EvidenceToReview> Evidence,
    IReadOnlyList<RevisionToDecide> Revisions);

public sealed record InspectionSummary(Guid Id, ProviderRef Provider, string Title, DateOnly FieldworkStartedOn, DateOnly? FieldworkEndedOn,
    string OverallRating, string Status, DateOnly? PublishedOn, int Recommendations);

public sealed record StandardRatingView(string Code, string Name, string Rating);

public sealed record InspectionRecommendation(Guid Id, int Number, string Text, IReadOnlyList<string> Addressees, IReadOnlyList<string> LinkedStandards,
    string Status);

public sealed record InspectionView(Guid Id, ProviderRef Provider, string Title, DateOnly FieldworkStartedOn, DateOnly? FieldworkEndedOn,
    string OverallRating, string Status, DateOnly? PublishedOn, IReadOnlyList<StandardRatingView> Standards,
    IReadOnlyList<InspectionRecommendation> Recommendations);
