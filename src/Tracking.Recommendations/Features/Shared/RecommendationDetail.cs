using Tracking.Contracts;
using Tracking.Recommendations.Domain;
using Tracking.ServiceDefaults.OpenApi;
using Tracking.ServiceDefaults.Security;

namespace Tracking.Recommendations.Features.Shared;

public sealed record ResponseView(int Version, ResponseKind Response, string? Rationale, string RespondedBy, DateTimeOffset RespondedAt, bool Accepted);

public sealed record ActionView(Guid Id, string Description, string OwnerName, string OwnerEmail, DateOnly TargetDate,
    string? MeasureOfSuccess, bool Done, DateTimeOffset? CompletedAt);

public sealed record EvidenceFileView(Guid Id, string Name, string ContentType, long Size);

public sealed record EvidenceView(Guid Id, string Narrative, DateOnly EffectiveDate, IReadOnlyList<Guid> ActionIds,
    IReadOnlyList<EvidenceFileView> Files, string SubmittedBy, DateTimeOffset SubmittedAt,
    ReviewOutcome? Outcome, ProgressJudgement? ProgressJudgement, string? ReviewComment, DateTimeOffset? ReviewedAt);

public sealed record RevisionView(Guid Id, Guid? ActionId, DateOnly? CurrentDate, DateOnly RequestedDate, string Reason,
    RevisionDecision Decision, string? DecisionComment, DateTimeOffset RequestedAt, DateTimeOffset? DecidedAt);

/// <summary>A recommendation with its response, action plan, evidence and revisions, as people working on it see it.</summary>
public sealed record RecommendationDetail(
    Guid Id,
    Guid InspectionId,
    ProviderRef Provider,
    int Number,
    string Text,
    [property: OpenApiEnum(typeof(Addressee))] IReadOnlyList<string> Addressees,
    IReadOnlyList<string> LinkedStandards,
    RecommendationStatus Status,
    int Version,
    DateOnly? PublishedOn,
    DateOnly? TargetDate,
    DateOnly? NextDueOn,
    ResponseView? Response,
    IReadOnlyList<ActionView> Actions,
    IReadOnlyList<EvidenceView> Evidence,
    IReadOnlyList<RevisionView> Revisions,
    ClosureKind? ClosedAs,
    string? ClosureComment,
    DateTimeOffset? ClosedAt)
{
    public static RecommendationDetail From(Recommendation r) => From(r, r.Inspection!.Provider, r.Inspection.PublishedOn);

    /// <summary>From a recommendation read without its inspection (<see cref="Data.RecommendationsDbContext.ReadRecommendation"/>).</summary>
    public static RecommendationDetail From(Recommendation r, ProviderRef provider, DateOnly? publishedOn)
    {
        var current = r.CurrentResponse;
        return new RecommendationDetail(
            r.Id, r.InspectionId, provider, r.Number, r.Text, r.Addressees, r.LinkedStandards, r.Status, r.Version,
            publishedOn, r.TargetDate, r.State().NextDueOn,
            current is null ? null : new ResponseView(current.Version, current.Kind, current.Rationale, current.RespondedBy,
                Utc(current.RespondedAt), r.AcceptedResponseVersion == current.Version),
            r.Actions.OrderBy(a => a.PlannedAt).Select(a => new ActionView(a.Id, a.Description, a.OwnerName, a.OwnerEmail, a.TargetDate,
                a.MeasureOfSuccess, a.IsDone, a.CompletedAt is { } done ? Utc(done) : null)).ToList(),
            r.Evidence.OrderBy(e => e.SubmittedAt).Select(e => new EvidenceView(e.Id, e.Narrative, e.EffectiveDate, e.ActionIds,
                e.Files.OrderBy(f => f.Position).Select(f => new EvidenceFileView(f.Id, f.OriginalName, f.ContentType, f.Size)).ToList(),
                e.SubmittedBy, Utc(e.SubmittedAt), e.Outcome, e.Judgement, e.ReviewComment, e.ReviewedAt is { } at ? Utc(at) : null)).ToList(),
            r.Revisions.OrderBy(v => v.RequestedAt).Select(v => new RevisionView(v.Id, v.ActionId, v.CurrentDate, v.RequestedDate, v.Reason,
                v.Decision, v.DecisionComment, Utc(v.RequestedAt), v.DecidedAt is { } d ? Utc(d) : null)).ToList(),
            r.ClosedAs, r.ClosureComment, r.ClosedAt is { } closed ? Utc(closed) : null);
    }

    /// <summary>The detail as the GET answers it, read afresh and untracked, if the person may see it; otherwise null.</summary>
    public static async Task<RecommendationDetail?> Read(Data.RecommendationsDbContext db, Guid id, CurrentUser user, CancellationToken cancellationToken) =>
        await db.ReadRecommendation(id, cancellationToken) is { } found && user.CanSee(found.Recommendation.ProviderId)
            ? From(found.Recommendation, found.Provider, found.PublishedOn)
            : null;

    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));
}
