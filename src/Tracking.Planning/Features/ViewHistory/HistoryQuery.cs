using Microsoft.EntityFrameworkCore;
using Tracking.Planning.Data;
using Tracking.Planning.ReadModel;
using Tracking.ServiceDefaults.Time;

namespace Tracking.Planning.Features.ViewHistory;

/// <summary>How far apart the dated figures are.</summary>
public enum HistoryInterval
{
    Month,
    Week,
    Day,
}

/// <param name="Day">The figures as they stood at the end of this day (the period's last day, or today for the current one).</param>
/// <param name="Open">Published by then and not yet closed.</param>
/// <param name="Closed">Closed by then.</param>
/// <param name="Judgements">Progress judgements given in the period that ends on this day, by judgement.</param>
public sealed record HistoryPoint(DateOnly Day, int Open, int Closed, IReadOnlyDictionary<string, int> Judgements);

/// <param name="ProviderId">The provider asked for; null for all the person may see.</param>
/// <param name="Region">The region asked for; null for all regions.</param>
public sealed record PlanningHistory(string? ProviderId, string? Region, string Interval, IReadOnlyList<HistoryPoint> Points);

/// <summary>
/// Dated figures for burn-down charts, worked out from the dated facts the read model keeps from events (each
/// recommendation's publication and closure, each evidence review's time and judgement): the rebuild that replays
/// the events rebuilds them with the rest, and they can never disagree with the current figures.
/// </summary>
public static class HistoryQuery
{
    public static readonly IReadOnlyList<string> Judgements = ["NoMeaningfulProgress", "InsufficientProgress", "ReasonableProgress", "GoodProgress"];

    public static async Task<PlanningHistory> Run(
        PlanningDbContext db, string? providerId, string? region, HistoryInterval interval, IReadOnlyList<string>? visibleProviders,
        TimeProvider clock, CancellationToken ct)
    {
        var recommendations = db.Outstanding.AsNoTracking().Where(r => !r.AwaitingPublication);
        if (visibleProviders is { } visible)
        {
            recommendations = recommendations.Where(r => visible.Contains(r.ProviderId));
        }

        if (!string.IsNullOrWhiteSpace(providerId))
        {
            recommendations = recommendations.Where(r => r.ProviderId == providerId);
        }

        if (!string.IsNullOrWhiteSpace(region))
        {
            var wanted = region.Trim();
            recommendations = recommendations.Where(r => db.Providers.Any(p => p.ProviderId == r.ProviderId && p.Region == wanted));
        }

        var dated = await recommendations.Select(r => new { r.RecommendationId, r.PublishedOn, r.ClosedAt }).ToListAsync(ct);
        var ids = dated.Select(r => r.RecommendationId).ToList();
        var reviews = await db.EvidenceItems.AsNoTracking()
            .Where(e => e.ReviewedAt != null && e.ProgressJudgement != null && ids.Contains(e.RecommendationId))
            .Select(e => new { e.ReviewedAt, e.ProgressJudgement })
            .ToListAsync(ct);

        var today = UkCalendar.Today(clock);
        var points = new List<HistoryPoint>();
        if (dated.Count > 0)
        {
            var closedOn = dated.Select(r => r.ClosedAt is { } at ? UkDay(at) : (DateOnly?)null).ToList();
            var reviewedOn = reviews.Select(r => (Day: UkDay(r.ReviewedAt!.Value), r.ProgressJudgement)).ToList();
            var start = dated.Min(r => r.PublishedOn);
            var periodStart = start;
            foreach (var end in PeriodEnds(start, today, interval))
            {
                var open = dated.Where((r, i) => r.PublishedOn <= end && (closedOn[i] is not { } c || c > end)).Count();
                var closed = closedOn.Count(c => c is { } day && day <= end);
                var from = periodStart;
                var judged = Judgements.ToDictionary(j => j, j => reviewedOn.Count(r => r.ProgressJudgement == j && r.Day >= from && r.Day <= end));
                points.Add(new HistoryPoint(end, open, closed, judged));
                periodStart = end.AddDays(1);
            }
        }

        return new PlanningHistory(
            string.IsNullOrWhiteSpace(providerId) ? null : providerId, string.IsNullOrWhiteSpace(region) ? null : region.Trim(),
            interval.ToString(), points);
    }

    /// <summary>The last day of each period from the one holding <paramref name="start"/> to the one holding today (today itself last).</summary>
    public static IEnumerable<DateOnly> PeriodEnds(DateOnly start, DateOnly today, HistoryInterval interval)
    {
        var end = interval switch
        {
            HistoryInterval.Day => start,
            HistoryInterval.Week => start.AddDays(6 - (((int)start.DayOfWeek + 6) % 7)),
            _ => new DateOnly(start.Year, start.Month, 1).AddMonths(1).AddDays(-1),
        };
        while (end < today)
        {
            yield return end;
            end = interval switch
            {
                HistoryInterval.Day => end.AddDays(1),
                HistoryInterval.Week => end.AddDays(7),
                _ => new DateOnly(end.Year, end.Month, 1).AddMonths(2).AddDays(-1),
            };
        }

        if (start <= today)
        {
            yield return today;
        }
    }

    private static DateOnly UkDay(DateTime utc) => UkCalendar.Today(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));
}
