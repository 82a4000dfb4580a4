using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Tracking.Contracts;
using Tracking.Planning.Data;
using Tracking.Planning.ReadModel;
using Tracking.ServiceDefaults.OpenApi;

namespace Tracking.Planning.Features.ViewOutstanding;

/// <param name="NextDueOn">The earliest open deadline of any kind: response, action, target date or evidence review.</param>
/// <param name="Version">The recommendation's version this row reflects, to compare with the recommendations service.</param>
/// <param name="Overdue">Not closed and at least one missed deadline not yet cleared.</param>
/// <param name="DaysOverdue">Whole days from the earliest uncleared missed deadline's due day to today (Europe/London); 0 when not overdue.</param>
/// <param name="Escalated">Overdue, and one of its uncleared missed deadlines has been escalated.</param>
public sealed record OutstandingRow(
    Guid RecommendationId,
    Guid InspectionId,
    ProviderRef Provider,
    int Number,
    string Text,
    [property: OpenApiEnum("OutstandingStatus", RecommendationStatuses.AwaitingResponse, RecommendationStatuses.InProgress, RecommendationStatuses.EvidenceSubmitted, RecommendationStatuses.Closed)] string Status,
    int Version,
    IReadOnlyList<string> LinkedStandards,
    [property: OpenApiEnum("Addressee", "Provider", "Hmpps", "MinistryOfJustice")] IReadOnlyList<string> Addressees,
    DateOnly PublishedOn,
    DateOnly? NextDueOn,
    int OpenActions,
    int EvidenceAwaitingReview,
    DateOnly? LastEvidenceOn,
    [property: OpenApiEnum("ProgressJudgement", "NoMeaningfulProgress", "InsufficientProgress", "ReasonableProgress", "GoodProgress")] string? LastProgressJudgement,
    [property: OpenApiEnum("ClosureKind", "Implemented", "NotImplemented")] string? ClosedAs,
    DateTime? ClosedAt,
    bool Overdue,
    int DaysOverdue,
    bool Escalated);

/// <param name="Status">One of <see cref="RecommendationStatuses.All"/>; null means every status but Closed.</param>
/// <param name="VisibleProviders">Null when the person may see every provider.</param>
/// <param name="Overdue">True lists only overdue recommendations, false only those not overdue; null both.</param>
/// <param name="Standard">A code of <see cref="FrameworkStandards"/> the recommendation is linked to.</param>
/// <param name="Addressee">One of <see cref="RecommendationAddressees.All"/> the recommendation is addressed to.</param>
/// <param name="PublishedBefore">Published strictly before this day.</param>
/// <param name="PublishedAfter">Published strictly after this day.</param>
/// <param name="MinAgeDays">Published at least this many days before today (Europe/London).</param>
public sealed record OutstandingFilter(
    string? ProviderId = null, string? Region = null, string? Status = null, IReadOnlyList<string>? VisibleProviders = null,
    bool? Overdue = null, string? Standard = null, string? Addressee = null, DateOnly? PublishedBefore = null,
    DateOnly? PublishedAfter = null, int? MinAgeDays = null);

/// <param name="NextCursor">Pass as <c>after</c> for the next page; null on the last page.</param>
public sealed record OutstandingPage(IReadOnlyList<OutstandingRow> Items, string? NextCursor);

public static class OutstandingQuery
{
    public const int DefaultPageSize = 50;

    public const int MaxPageSize = 200;

    public static Task<List<OutstandingRow>> Run(PlanningDbContext db, OutstandingFilter filter, TimeProvider clock, CancellationToken ct) =>
        Run(db, filter, OutstandingSort.DueDate, clock, ct);

    /// <summary>Every matching row, in the order asked for.</summary>
    public static async Task<List<OutstandingRow>> Run(
        PlanningDbContext db, OutstandingFilter filter, OutstandingSort sort, TimeProvider clock, CancellationToken ct)
    {
        var rows = new List<OutstandingRow>();
        await foreach (var row in Stream(db, filter, sort, clock, ct))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Every matching row, in the order asked for, read from the database as it is consumed (for exports).</summary>
    public static async IAsyncEnumerable<OutstandingRow> Stream(
        PlanningDbContext db, OutstandingFilter filter, OutstandingSort sort, TimeProvider clock, [EnumeratorCancellation] CancellationToken ct)
    {
        var today = UkCalendar.Today(clock);
        await foreach (var candidate in Order(Matching(db, filter, today), sort).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return candidate.ToRow(today);
        }
    }

    public static Task<int> Count(PlanningDbContext db, OutstandingFilter filter, TimeProvider clock, CancellationToken ct) =>
        Matching(db, filter, UkCalendar.Today(clock)).CountAsync(ct);

    /// <summary>One page of rows strictly after the cursor (or the first page), and the cursor for the next.</summary>
    public static async Task<OutstandingPage> Page(
        PlanningDbContext db, OutstandingFilter filter, OutstandingSort sort, int pageSize, OutstandingCursor? after, TimeProvider clock,
        CancellationToken ct)
    {
        var today = UkCalendar.Today(clock);
        var matching = Matching(db, filter, today);
        if (after is not null)
        {
            matching = matching.Where(Beyond(after));
        }

        var found = await Order(matching, sort).Take(pageSize + 1).ToListAsync(ct);
        var next = found.Count > pageSize ? found[pageSize - 1].CursorFor(sort).Encode() : null;
        return new OutstandingPage(found.Take(pageSize).Select(c => c.ToRow(today)).ToList(), next);
    }

    private static IQueryable<Candidate> Matching(PlanningDbContext db, OutstandingFilter filter, DateOnly today)
    {
        var unclearedMissed = db.MissedDeadlines.AsNoTracking().Where(d => !d.Cleared);
        var never = DateOnly.MaxValue;
        var rows =
            from r in db.Outstanding.AsNoTracking()
            join p in db.Providers.AsNoTracking() on r.ProviderId equals p.ProviderId
            where !r.AwaitingPublication
            select new Candidate
            {
                Recommendation = r,
                Provider = p,
                // Both dates live on the row, so the order needs no subquery: the earlier of the two, missing ones last.
                DueKey = r.Status == RecommendationStatuses.Closed ? never
                    : (r.NextDueOn ?? never) < (r.EarliestOpenDeadline ?? never) ? r.NextDueOn ?? never : r.EarliestOpenDeadline ?? never,

                // An uncleared row always has its due day: only DeadlineMissed leaves a row uncleared, and it carries one.
                OverdueSince = r.Status != RecommendationStatuses.Closed
                    ? unclearedMissed.Where(d => d.RecommendationId == r.RecommendationId).Min(d => d.DueOn) ?? never
                    : never,
                Escalated = unclearedMissed.Any(d => d.RecommendationId == r.RecommendationId && d.Escalated),
            };
        rows = filter.Status is { } status
            ? rows.Where(x => x.Recommendation.Status == status)
            : rows.Where(x => x.Recommendation.Status != RecommendationStatuses.Closed);
        if (!string.IsNullOrEmpty(filter.ProviderId))
        {
            rows = rows.Where(x => x.Recommendation.ProviderId == filter.ProviderId);
        }

        if (filter.VisibleProviders is { } visible)
        {
            rows = rows.Where(x => visible.Contains(x.Recommendation.ProviderId));
        }

        if (!string.IsNullOrEmpty(filter.Region))
        {
            rows = rows.Where(x => x.Provider.Region == filter.Region);
        }

        if (filter.Overdue is { } overdueOnly)
        {
            rows = rows.Where(x => (x.OverdueSince != never) == overdueOnly);
        }

        if (filter.Standard is { } standard)
        {
            rows = rows.Where(x => x.Recommendation.LinkedStandards.Contains(standard));
        }

        if (filter.Addressee is { } addressee)
        {
            rows = rows.Where(x => x.Recommendation.Addressees.Contains(addressee));
        }

        if (filter.PublishedBefore is { } before)
        {
            rows = rows.Where(x => x.Recommendation.PublishedOn < before);
        }

        if (filter.PublishedAfter is { } since)
        {
            rows = rows.Where(x => x.Recommendation.PublishedOn > since);
        }

        if (filter.MinAgeDays is { } days)
        {
            var latest = today.AddDays(-days);
            rows = rows.Where(x => x.Recommendation.PublishedOn <= latest);
        }

        return rows;
    }

    private static IOrderedQueryable<Candidate> Order(IQueryable<Candidate> rows, OutstandingSort sort)
    {
        var ordered = sort switch
        {
            OutstandingSort.DaysOverdue => rows.OrderBy(x => x.OverdueSince),
            OutstandingSort.Provider => rows.OrderBy(x => x.Provider.Name),
            _ => rows.OrderBy(x => x.DueKey),
        };
        return ordered
            .ThenBy(x => x.Recommendation.ProviderId)
            .ThenBy(x => x.Recommendation.PublishedOn)
            .ThenBy(x => x.Recommendation.Number)
            .ThenBy(x => x.Recommendation.RecommendationId);
    }

    /// <summary>Rows that sort strictly after the cursor: a greater key, or the same key and greater tie-breakers.</summary>
    private static Expression<Func<Candidate, bool>> Beyond(OutstandingCursor after)
    {
        var (providerId, publishedOn, number, id) = (after.ProviderId, after.PublishedOn, after.Number, after.RecommendationId);
        Expression<Func<Candidate, bool>> tieBeyond = x =>
            string.Compare(x.Recommendation.ProviderId, providerId) > 0
            || (x.Recommendation.ProviderId == providerId
                && (x.Recommendation.PublishedOn > publishedOn
                    || (x.Recommendation.PublishedOn == publishedOn
                        && (x.Recommendation.Number > number
                            || (x.Recommendation.Number == number && x.Recommendation.RecommendationId.CompareTo(id) > 0)))));
        Expression<Func<Candidate, bool>> keyBeyond, keyLevel;
        if (after.Sort == OutstandingSort.Provider)
        {
            var name = after.Key;
            keyBeyond = x => string.Compare(x.Provider.Name, name) > 0;
            keyLevel = x => x.Provider.Name == name;
        }
        else if (after.Sort == OutstandingSort.DaysOverdue)
        {
            var day = after.KeyDay;
            keyBeyond = x => x.OverdueSince > day;
            keyLevel = x => x.OverdueSince == day;
        }
        else
        {
            var day = after.KeyDay;
            keyBeyond = x => x.DueKey > day;
            keyLevel = x => x.DueKey == day;
        }

        var row = keyBeyond.Parameters[0];
        var body = Expression.OrElse(keyBeyond.Body, Expression.AndAlso(Rebind(keyLevel, row), Rebind(tieBeyond, row)));
        return Expression.Lambda<Func<Candidate, bool>>(body, row);
    }

    private static Expression Rebind(LambdaExpression lambda, ParameterExpression parameter) =>
        new ParameterSwap(lambda.Parameters[0], parameter).Visit(lambda.Body);

    private sealed class ParameterSwap(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }

    /// <summary>A row with what its order and overdue figures need; only ever used inside a query.</summary>
    private sealed class Candidate
    {
        public OutstandingRecommendation Recommendation { get; init; } = null!;

        public PlannedProvider Provider { get; init; } = null!;

        /// <summary>The next deadline, or <see cref="DateOnly.MaxValue"/> when there is none, so those sort last.</summary>
        public DateOnly DueKey { get; init; }

        /// <summary>The earliest uncleared missed deadline of an open recommendation, or <see cref="DateOnly.MaxValue"/> when not overdue.</summary>
        public DateOnly OverdueSince { get; init; }

        public bool Escalated { get; init; }

        public OutstandingCursor CursorFor(OutstandingSort sort) => new(
            sort,
            sort switch
            {
                OutstandingSort.Provider => Provider.Name,
                OutstandingSort.DaysOverdue => OverdueSince.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                _ => DueKey.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            },
            Recommendation.ProviderId, Recommendation.PublishedOn, Recommendation.Number, Recommendation.RecommendationId);

        public OutstandingRow ToRow(DateOnly today)
        {
            var r = Recommendation;
            var overdue = OverdueSince != DateOnly.MaxValue;
            return new OutstandingRow(
                r.RecommendationId, r.InspectionId, new ProviderRef(Provider.ProviderId, Provider.Name, Provider.Region),
                r.Number, r.Text, r.Status, r.Version, r.LinkedStandards, r.Addressees, r.PublishedOn,
                r.NextDue, r.OpenActions, r.EvidenceAwaitingReview, r.LastEvidenceOn, r.LastProgressJudgement,
                r.ClosedAs, r.ClosedAt,
                overdue,
                overdue ? Math.Max(0, today.DayNumber - OverdueSince.DayNumber) : 0,
                overdue && Escalated);
        }
    }
}
