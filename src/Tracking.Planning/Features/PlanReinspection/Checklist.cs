using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tracking.Planning.Data;
using Tracking.Planning.ReadModel;
using Tracking.ServiceDefaults.OpenApi;

namespace Tracking.Planning.Features.PlanReinspection;

public sealed record ChecklistAction(Guid ActionId, string Description, string OwnerName, DateOnly? TargetDate, bool Done);

/// <param name="Submitted">Pieces of evidence submitted so far.</param>
/// <param name="AwaitingReview">Submitted and not yet reviewed by the inspectorate.</param>
/// <param name="LastEvidenceOn">The latest effective date of any evidence submitted.</param>
/// <param name="LastOutcome">The outcome of the most recent review: Accepted or MoreNeeded.</param>
public sealed record ChecklistEvidence(int Submitted, int AwaitingReview, DateOnly? LastEvidenceOn,
    [property: OpenApiEnum("ReviewOutcome", "Accepted", "MoreNeeded")] string? LastOutcome);

/// <summary>One open recommendation the visit must check: what was promised, what has been shown, what was last judged.</summary>
public sealed record ChecklistItem(
    Guid RecommendationId,
    int Number,
    string Text,
    [property: OpenApiEnum("OutstandingStatus", RecommendationStatuses.AwaitingResponse, RecommendationStatuses.InProgress, RecommendationStatuses.EvidenceSubmitted, RecommendationStatuses.Closed)] string Status,
    IReadOnlyList<string> LinkedStandards,
    DateOnly? NextDueOn,
    IReadOnlyList<ChecklistAction> Actions,
    ChecklistEvidence Evidence,
    [property: OpenApiEnum("ProgressJudgement", "NoMeaningfulProgress", "InsufficientProgress", "ReasonableProgress", "GoodProgress")] string? LastProgressJudgement);

public static class Checklist
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Every open recommendation of the provider as the read model holds it now, in report order.</summary>
    public static async Task<List<ChecklistItem>> Build(PlanningDbContext db, string providerId, CancellationToken ct)
    {
        var recommendations = await db.Outstanding.AsNoTracking()
            .Where(r => r.ProviderId == providerId && !r.AwaitingPublication && r.Status != RecommendationStatuses.Closed)
            .ToListAsync(ct);
        var ids = recommendations.Select(r => r.RecommendationId).ToList();
        var actions = (await db.PlannedActions.AsNoTracking()
                .Where(a => ids.Contains(a.RecommendationId) && a.PlannedAt != null)
                .ToListAsync(ct))
            .ToLookup(a => a.RecommendationId);
        var evidence = (await db.EvidenceItems.AsNoTracking()
                .Where(e => ids.Contains(e.RecommendationId))
                .ToListAsync(ct))
            .ToLookup(e => e.RecommendationId);

        return recommendations
            .OrderBy(r => r.PublishedOn).ThenBy(r => r.InspectionId).ThenBy(r => r.Number).ThenBy(r => r.RecommendationId)
            .Select(r => new ChecklistItem(
                r.RecommendationId,
                r.Number,
                r.Text,
                r.Status,
                r.LinkedStandards,
                r.NextDue,
                actions[r.RecommendationId]
                    .OrderBy(a => a.PlannedAt).ThenBy(a => a.ActionId)
                    .Select(a => new ChecklistAction(a.ActionId, a.Description, a.OwnerName, a.TargetDate, a.Done))
                    .ToList(),
                new ChecklistEvidence(
                    evidence[r.RecommendationId].Count(e => e.SubmittedAt != null),
                    r.EvidenceAwaitingReview,
                    r.LastEvidenceOn,
                    evidence[r.RecommendationId].Where(e => e.ReviewedAt != null).MaxBy(e => e.ReviewedAt)?.Outcome),
                r.LastProgressJudgement))
            .ToList();
    }

    public static string Serialize(IReadOnlyList<ChecklistItem> items) => JsonSerializer.Serialize(items, Json);

    public static List<ChecklistItem> Deserialize(string json) => JsonSerializer.Deserialize<List<ChecklistItem>>(json, Json) ?? [];
}
