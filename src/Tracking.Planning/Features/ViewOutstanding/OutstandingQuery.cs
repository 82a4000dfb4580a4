using Microsoft.EntityFrameworkCore;
using Tracking.Contracts;
using Tracking.Planning.Data;
using Tracking.Planning.ReadModel;

namespace Tracking.Planning.Features.ViewOutstanding;

/// <param name="Version">The recommendation's version this row reflects, to compare with the recommendations service.</param>
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
    DateTime? ClosedAt);

/// <param name="Status">One of <see cref="RecommendationStatuses.All"/>; null means every status but Closed.</param>
/// <param name="VisibleProviders">Null when the person may see every provider.</param>
public sealed record OutstandingFilter(
    string? ProviderId = null, string? Region = null, string? Status = null, IReadOnlyList<string>? VisibleProviders = null);

public static class OutstandingQuery
{
    public static async Task<List<OutstandingRow>> Run(PlanningDbContext db, OutstandingFilter filter, CancellationToken ct)
    {
        var rows =
            from r in db.Outstanding.AsNoTracking()
            join p in db.Providers.AsNoTracking() on r.ProviderId equals p.ProviderId
            where !r.AwaitingPublication
            select new { r, p };
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

        var found = await rows.OrderBy(x => x.r.ProviderId).ThenBy(x => x.r.PublishedOn).ThenBy(x => x.r.Number).ToListAsync(ct);
        return found.Select(x => new OutstandingRow(
                x.r.RecommendationId, x.r.InspectionId, new ProviderRef(x.p.ProviderId, x.p.Name, x.p.Region),
                x.r.Number, x.r.Text, x.r.Status, x.r.Version, x.r.LinkedStandards, x.r.Addressees, x.r.PublishedOn,
                x.r.NextDueOn, x.r.OpenActions, x.r.EvidenceAwaitingReview, x.r.LastEvidenceOn, x.r.LastProgressJudgement,
                x.r.ClosedAs, x.r.ClosedAt))
            .ToList();
    }
}
