using Microsoft.EntityFrameworkCore;
using Tracking.Contracts;
using Tracking.Planning.Data;
using Tracking.Planning.ReadModel;

namespace Tracking.Planning.Features.ViewOutstanding;

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
    string Status,
    int Version,
    IReadOnlyList<string> LinkedStandards,
    IReadOnlyList<string> Addressees,
    DateOnly PublishedOn,
    DateOnly? NextDueOn,
    int OpenActions,
    int EvidenceAwaitingReview,
    DateOnly? LastEvidenceOn,
    string? LastProgressJudgement,
    string? ClosedAs,
    DateTime? ClosedAt,
    bool Overdue,
    int DaysOverdue,
    bool Escalated);

/// <param name="Status">One of <see cref="RecommendationStatuses.All"/>; null means every status but Closed.</param>
/// <param name="VisibleProviders">Null when the person may see every provider.</param>
/// <param name="Overdue">True lists only overdue recommendations, false only those not overdue; null both.</param>
public sealed record OutstandingFilter(
    string? ProviderId = null, string? Region = null, string? Status = null, IReadOnlyList<string>? VisibleProviders = null,
    bool? Overdue = null);

public static class OutstandingQuery
{
    /// <summary>Days overdue against today on the system clock; prefer the overload taking the service's <see cref="TimeProvider"/>.</summary>
    public static Task<List<OutstandingRow>> Run(PlanningDbContext db, OutstandingFilter filter, CancellationToken ct) =>
        Run(db, filter, TimeProvider.System, ct);

    public static async Task<List<OutstandingRow>> Run(PlanningDbContext db, OutstandingFilter filter, TimeProvider clock, CancellationToken ct)
    {
        var today = UkCalendar.Today(clock);
        var unclearedMissed = db.MissedDeadlines.AsNoTracking().Where(d => !d.Cleared);
        var rows =
            from r in db.Outstanding.AsNoTracking()
            join p in db.Providers.AsNoTracking() on r.ProviderId equals p.ProviderId
            where !r.AwaitingPublication
            select new
            {
                r,
                p,

                // An uncleared row always has its due day: only DeadlineMissed leaves a row uncleared, and it carries one.
                EarliestMissedOn = unclearedMissed.Where(d => d.RecommendationId == r.RecommendationId).Min(d => d.DueOn),
                Escalated = unclearedMissed.Any(d => d.RecommendationId == r.RecommendationId && d.Escalated),
            };
        rows = filter.Status is { } status
            ? rows.Where(x => x.r.Status == status)
            : rows.Where(x => x.r.Status != RecommendationStatuses.Closed);
        if (!string.IsNullOrEmpty(filter.ProviderId))
        {
            rows = rows.Where(x => x.r.ProviderId == filter.ProviderId);
        }

        if (filter.VisibleProviders is { } visible)
        {
            rows = rows.Where(x => visible.Contains(x.r.ProviderId));
        }

        if (!string.IsNullOrEmpty(filter.Region))
        {
            rows = rows.Where(x => x.p.Region == filter.Region);
        }

        if (filter.Overdue is { } overdueOnly)
        {
            rows = rows.Where(x => (x.r.Status != RecommendationStatuses.Closed && x.EarliestMissedOn != null) == overdueOnly);
        }

        var found = await rows.OrderBy(x => x.r.ProviderId).ThenBy(x => x.r.PublishedOn).ThenBy(x => x.r.Number).ToListAsync(ct);
        return found.Select(x =>
            {
                var overdue = x.r.Status != RecommendationStatuses.Closed && x.EarliestMissedOn is not null;
                return new OutstandingRow(
                    x.r.RecommendationId, x.r.InspectionId, new ProviderRef(x.p.ProviderId, x.p.Name, x.p.Region),
                    x.r.Number, x.r.Text, x.r.Status, x.r.Version, x.r.LinkedStandards, x.r.Addressees, x.r.PublishedOn,
                    x.r.NextDueOn, x.r.OpenActions, x.r.EvidenceAwaitingReview, x.r.LastEvidenceOn, x.r.LastProgressJudgement,
                    x.r.ClosedAs, x.r.ClosedAt,
                    overdue,
                    overdue && x.EarliestMissedOn is { } earliest ? Math.Max(0, today.DayNumber - earliest.DayNumber) : 0,
                    overdue && x.Escalated);
            })
            .ToList();
    }
}
