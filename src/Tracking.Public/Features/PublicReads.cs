using Microsoft.EntityFrameworkCore;
using Tracking.Public.Data;
using Tracking.Public.ReadModel;

namespace Tracking.Public.Features;

/// <summary>An answer and the time its newest part last changed (its Last-Modified); null when nothing is published.</summary>
public sealed record Dated<T>(T Value, DateTime? LastModified);

/// <summary>
/// Everything the public API, its open data, feeds and pages show, read from the public read model alone. The pages use
/// these directly, so a page and its JSON never disagree.
/// </summary>
public sealed class PublicReads(PublicTrackerDbContext db)
{
    public async Task<Dated<PublicProviderPage>> Providers(PublicFilter filter, CancellationToken ct)
    {
        var providers = await MatchingProviders(filter).OrderBy(p => p.Name).ThenBy(p => p.ProviderId).ToListAsync(ct);
        var ids = providers.Select(p => p.ProviderId).ToList();
        var recommendations = await Published().Where(r => ids.Contains(r.ProviderId)).ToListAsync(ct);
        var inspections = await db.Inspections.AsNoTracking().Where(i => ids.Contains(i.ProviderId)).ToListAsync(ct);
        var matching = Narrow(recommendations.AsQueryable(), filter).Select(r => r.ProviderId).ToHashSet();
        var rows = providers
            .Where(p => !filter.NarrowsRecommendations || matching.Contains(p.ProviderId))
            .Select(p =>
            {
                var own = recommendations.Where(r => r.ProviderId == p.ProviderId).ToList();
                var ownInspections = inspections.Where(i => i.ProviderId == p.ProviderId).ToList();
                var last = ownInspections.OrderByDescending(i => i.PublishedOn).ThenByDescending(i => i.PublishedAt).FirstOrDefault();
                return new PublicProviderRow(p.ProviderId, p.Name, p.Region, ownInspections.Count, own.Count,
                    PublicStatusCounts.Of(own.Select(r => r.Status)), last is null ? null : Summary(last, own));
            })
            .ToList();
        var shown = rows.Select(r => r.Id).ToHashSet();
        return new(new PublicProviderPage(rows), Newest(
            recommendations.Where(r => shown.Contains(r.ProviderId)), inspections.Where(i => shown.Contains(i.ProviderId))));
    }

    public async Task<Dated<PublicProviderView>?> Provider(string providerId, CancellationToken ct)
    {
        var provider = await db.Providers.AsNoTracking().FirstOrDefaultAsync(p => p.ProviderId == providerId, ct);
        if (provider is null)
        {
            return null;
        }

        var recommendations = await Published().Where(r => r.ProviderId == providerId).ToListAsync(ct);
        var inspections = await db.Inspections.AsNoTracking().Where(i => i.ProviderId == providerId).ToListAsync(ct);
        var view = new PublicProviderView(provider.ProviderId, provider.Name, provider.Region,
            [.. inspections.OrderByDescending(i => i.PublishedOn).ThenByDescending(i => i.PublishedAt).Select(i => Summary(i, recommendations))]);
        return new(view, Newest(recommendations, inspections));
    }

    public async Task<Dated<PublicInspectionView>?> Inspection(Guid inspectionId, CancellationToken ct)
    {
        var inspection = await db.Inspections.AsNoTracking().FirstOrDefaultAsync(i => i.InspectionId == inspectionId, ct);
        var provider = inspection is null ? null : await db.Providers.AsNoTracking().FirstOrDefaultAsync(p => p.ProviderId == inspection.ProviderId, ct);
        if (inspection is null || provider is null)
        {
            return null;
        }

        var recommendations = await Published().Where(r => r.InspectionId == inspectionId).OrderBy(r => r.Number).ToListAsync(ct);
        var ids = recommendations.Select(r => r.RecommendationId).ToList();
        var updates = (await db.StatusUpdates.AsNoTracking().Where(u => ids.Contains(u.RecommendationId)).ToListAsync(ct))
            .ToLookup(u => u.RecommendationId);
        var view = new PublicInspectionView(inspection.InspectionId, inspection.Title, inspection.OverallRating, inspection.PublishedOn,
            Standards(inspection), new PublicProviderRef(provider.ProviderId, provider.Name, provider.Region),
            [.. recommendations.Select(r => View(r, updates[r.RecommendationId]))]);
        return new(view, Newest(recommendations, [inspection]));
    }

    /// <summary>Every published recommendation the filter matches, with its provider and inspection, in a stable order.</summary>
    public async Task<Dated<OpenData>> OpenData(PublicFilter filter, CancellationToken ct)
    {
        var providers = await MatchingProviders(filter).ToDictionaryAsync(p => p.ProviderId, ct);
        var ids = providers.Keys.ToList();
        var inspections = await db.Inspections.AsNoTracking().Where(i => ids.Contains(i.ProviderId)).ToDictionaryAsync(i => i.InspectionId, ct);
        var recommendations = (await Narrow(Published().Where(r => ids.Contains(r.ProviderId)), filter).ToListAsync(ct))
            .Where(r => inspections.ContainsKey(r.InspectionId))
            .Select(r => (Recommendation: r, Inspection: inspections[r.InspectionId], Provider: providers[r.ProviderId]))
            .OrderBy(x => x.Provider.Name).ThenBy(x => x.Provider.ProviderId)
            .ThenBy(x => x.Inspection.PublishedOn).ThenBy(x => x.Inspection.InspectionId).ThenBy(x => x.Recommendation.Number)
            .ToList();
        var rows = recommendations.Select(x => new OpenDataRecommendation(
            x.Provider.ProviderId, x.Provider.Name, x.Provider.Region, x.Inspection.InspectionId, x.Inspection.Title,
            x.Inspection.PublishedOn, x.Inspection.OverallRating, x.Recommendation.RecommendationId, x.Recommendation.Number,
            x.Recommendation.Text, [.. x.Recommendation.Addressees], [.. x.Recommendation.LinkedStandards], x.Recommendation.Status,
            x.Recommendation.ResponseCategory, x.Recommendation.RespondedOn, x.Recommendation.TargetDate, x.Recommendation.ClosedOn,
            x.Recommendation.LastProgressJudgement, new DateTimeOffset(x.Recommendation.LastChangedAt, TimeSpan.Zero))).ToList();
        var shownInspections = recommendations.Select(x => x.Inspection).DistinctBy(i => i.InspectionId)
            .Select(i => new OpenDataInspection(i.InspectionId, i.ProviderId, providers[i.ProviderId].Name, providers[i.ProviderId].Region,
                i.Title, i.PublishedOn, i.OverallRating, Standards(i)))
            .ToList();
        return new(new OpenData(shownInspections, rows),
            Newest(recommendations.Select(x => x.Recommendation), recommendations.Select(x => x.Inspection)));
    }

    /// <summary>The newest status changes, nationally or for one provider, newest first.</summary>
    public async Task<IReadOnlyList<StatusChangeEntry>> StatusChanges(string? providerId, int max, CancellationToken ct)
    {
        var changes = db.StatusUpdates.AsNoTracking().Where(u => u.IsStatusChange);
        if (providerId is not null)
        {
            changes = changes.Where(u => u.ProviderId == providerId);
        }

        var newest = await changes.OrderByDescending(u => u.OccurredAt).ThenByDescending(u => u.RecommendationId).ThenByDescending(u => u.Version)
            .Take(max).ToListAsync(ct);
        var ids = newest.Select(u => u.RecommendationId).Distinct().ToList();
        var recommendations = await Published().Where(r => ids.Contains(r.RecommendationId)).ToDictionaryAsync(r => r.RecommendationId, ct);
        var inspectionIds = recommendations.Values.Select(r => r.InspectionId).Distinct().ToList();
        var inspections = await db.Inspections.AsNoTracking().Where(i => inspectionIds.Contains(i.InspectionId)).ToDictionaryAsync(i => i.InspectionId, ct);
        var providerIds = recommendations.Values.Select(r => r.ProviderId).Distinct().ToList();
        var providers = await db.Providers.AsNoTracking().Where(p => providerIds.Contains(p.ProviderId)).ToDictionaryAsync(p => p.ProviderId, ct);
        return [.. newest
            .Where(u => recommendations.TryGetValue(u.RecommendationId, out var r) && inspections.ContainsKey(r.InspectionId) && providers.ContainsKey(r.ProviderId))
            .Select(u =>
            {
                var r = recommendations[u.RecommendationId];
                return new StatusChangeEntry(u.RecommendationId, u.Version, new DateTimeOffset(u.OccurredAt, TimeSpan.Zero), u.PreviousStatus, u.Status,
                    r.Number, inspections[r.InspectionId].InspectionId, inspections[r.InspectionId].Title, providers[r.ProviderId].ProviderId,
                    providers[r.ProviderId].Name);
            })];
    }

    public Task<bool> ProviderExists(string providerId, CancellationToken ct) => db.Providers.AnyAsync(p => p.ProviderId == providerId, ct);

    /// <summary>The regions providers are in, for the filter.</summary>
    public async Task<IReadOnlyList<string>> Regions(CancellationToken ct) =>
        await db.Providers.AsNoTracking().Select(p => p.Region).Distinct().OrderBy(r => r).ToListAsync(ct);

    private IQueryable<TrackedRecommendation> Published() => db.Recommendations.AsNoTracking().Where(r => !r.AwaitingPublication);

    private IQueryable<TrackedProvider> MatchingProviders(PublicFilter filter)
    {
        var providers = db.Providers.AsNoTracking();
        if (filter.Search is { } search)
        {
            var text = search.ToLower();
            providers = providers.Where(p => p.Name.ToLower().Contains(text) || p.ProviderId.ToLower().Contains(text));
        }

        if (filter.Region is { } region)
        {
            var name = region.ToLower();
            providers = providers.Where(p => p.Region.ToLower() == name);
        }

        return providers;
    }

    private static IQueryable<TrackedRecommendation> Narrow(IQueryable<TrackedRecommendation> recommendations, PublicFilter filter)
    {
        if (filter.Status is { } status)
        {
            recommendations = recommendations.Where(r => r.Status == status);
        }

        if (filter.Standard is { } standard)
        {
            recommendations = recommendations.Where(r => r.LinkedStandards.Contains(standard));
        }

        return recommendations;
    }

    private static PublicInspectionSummary Summary(TrackedInspection inspection, IEnumerable<TrackedRecommendation> recommendations)
    {
        var own = recommendations.Where(r => r.InspectionId == inspection.InspectionId).ToList();
        return new(inspection.InspectionId, inspection.Title, inspection.OverallRating, inspection.PublishedOn, Standards(inspection),
            own.Count, PublicStatusCounts.Of(own.Select(r => r.Status)));
    }

    private static List<PublicRatedStandard> Standards(TrackedInspection inspection) =>
        [.. inspection.Standards.OrderBy(s => s.Code, StringComparer.Ordinal).Select(s => new PublicRatedStandard(s.Code, s.Name, s.Rating))];

    private static PublicRecommendationView View(TrackedRecommendation r, IEnumerable<StatusUpdate> updates)
    {
        var ordered = updates.OrderBy(u => u.Version).ToList();
        return new(r.RecommendationId, r.Number, r.Text, [.. r.Addressees], [.. r.LinkedStandards], r.Status, r.ResponseCategory,
            r.PublishedOn, r.RespondedOn, r.TargetDate, r.ClosedOn, r.LastProgressJudgement,
            [.. ordered.Where(u => u.ProgressJudgement is not null)
                .Select(u => new PublicProgressJudgement(UkCalendar.Today(new DateTimeOffset(u.OccurredAt, TimeSpan.Zero)), u.ProgressJudgement!))],
            [.. ordered.Where(u => u.IsStatusChange)
                .Select(u => new PublicStatusChange(new DateTimeOffset(u.OccurredAt, TimeSpan.Zero), u.PreviousStatus, u.Status))]);
    }

    private static DateTime? Newest(IEnumerable<TrackedRecommendation> recommendations, IEnumerable<TrackedInspection> inspections) =>
        recommendations.Select(r => r.LastChangedAt).Concat(inspections.Select(i => i.PublishedAt)).DefaultIfEmpty().Max() is var newest
            && newest != default ? newest : null;
}

/// <summary>One status change as the feeds show it.</summary>
public sealed record StatusChangeEntry(
    Guid RecommendationId, int Version, DateTimeOffset ChangedAt, PublicStatus? From, PublicStatus To, int Number,
    Guid InspectionId, string InspectionTitle, string ProviderId, string ProviderName);
