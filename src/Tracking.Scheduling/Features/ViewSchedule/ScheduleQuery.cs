using Microsoft.EntityFrameworkCore;
using Tracking.Scheduling.Data;
using Tracking.Scheduling.Deadlines;
using Tracking.Scheduling.FollowUps;
using Tracking.ServiceDefaults.OpenApi;
using Tracking.Contracts;

namespace Tracking.Scheduling.Features.ViewSchedule;

/// <param name="Missed">Its due day has ended with the thing not done.</param>
/// <param name="DaysOverdue">Calendar days since the due day, UK dates; 0 while not missed.</param>
/// <param name="Escalated">Reported a second time after the escalation period.</param>
public sealed record DeadlineRow(
    Guid Id,
    [property: OpenApiEnum("DeadlineKind", DeadlineKind.Response, DeadlineKind.Action, DeadlineKind.TargetDate, DeadlineKind.EvidenceReview)] string Kind,
    Guid RecommendationId, int? RecommendationNumber, Guid? ActionId, Guid? EvidenceId, string ProviderId, DateOnly DueOn, DateTime DueAt,
    [property: OpenApiEnum(typeof(DeadlineStatus))] string Status,
    bool Missed, int DaysOverdue, bool Escalated);

public sealed record ReminderRow(
    Guid DeadlineId,
    [property: OpenApiEnum("DeadlineKind", DeadlineKind.Response, DeadlineKind.Action, DeadlineKind.TargetDate, DeadlineKind.EvidenceReview)] string Kind,
    Guid RecommendationId, Guid? ActionId, string ProviderId, DateOnly DueOn, int DaysBefore, DateTime FireAt);

public sealed record FollowUpReviewRow(Guid Id, Guid InspectionId, string ProviderId, DateOnly DueOn,
    [property: OpenApiEnum(typeof(FollowUpReviewStatus))] string Status, DateTime? RaisedAt,
    string? UpdatedBy, DateTime? UpdatedAt);

/// <summary>Open deadlines (upcoming and missed), reminders still to go out, and follow-up reviews.</summary>
public sealed record ScheduleView(IReadOnlyList<DeadlineRow> Deadlines, IReadOnlyList<ReminderRow> Reminders, IReadOnlyList<FollowUpReviewRow> FollowUpReviews);

/// <param name="VisibleProviders">Null when the person may see every provider.</param>
public sealed record ScheduleFilter(Guid? RecommendationId, string? ProviderId, IReadOnlyList<string>? VisibleProviders);

public static class ScheduleQuery
{
    public static async Task<ScheduleView> Run(SchedulingDbContext db, ScheduleFilter filter, DateTimeOffset now, CancellationToken ct)
    {
        var deadlines = db.Deadlines.AsNoTracking().Where(d => d.Status == DeadlineStatus.Open);
        var reviews = db.FollowUpReviews.AsNoTracking();
        if (filter.RecommendationId is { } recommendationId)
        {
            deadlines = deadlines.Where(d => d.RecommendationId == recommendationId);
            var inspectionIds = db.Recommendations.Where(r => r.RecommendationId == recommendationId).Select(r => r.InspectionId);
            reviews = reviews.Where(r => inspectionIds.Contains(r.InspectionId));
        }

        if (!string.IsNullOrEmpty(filter.ProviderId))
        {
            deadlines = deadlines.Where(d => d.ProviderId == filter.ProviderId);
            reviews = reviews.Where(r => r.ProviderId == filter.ProviderId);
        }

        if (filter.VisibleProviders is { } visible)
        {
            deadlines = deadlines.Where(d => visible.Contains(d.ProviderId));
            reviews = reviews.Where(r => visible.Contains(r.ProviderId));
        }

        var open = await deadlines.Include(d => d.Reminders).OrderBy(d => d.DueAt).ThenBy(d => d.RecommendationId).ThenBy(d => d.Id).ToListAsync(ct);
        var recommendationIds = open.Select(d => d.RecommendationId).Distinct().ToList();
        var numbers = await db.Recommendations.AsNoTracking().Where(r => recommendationIds.Contains(r.RecommendationId))
            .ToDictionaryAsync(r => r.RecommendationId, r => r.Number, ct);

        var rows = open.Select(d => new DeadlineRow(d.Id, d.Kind, d.RecommendationId, numbers.TryGetValue(d.RecommendationId, out var n) ? n : null,
                d.ActionId, d.EvidenceId, d.ProviderId, d.DueOn, d.DueAt, d.Status.ToString(), d.IsPastDue(now), d.DaysOverdue(now),
                d.EscalationRaisedAt is not null))
            .ToList();
        var reminders = open.Where(d => !d.IsPastDue(now))
            .SelectMany(d => d.Reminders.Where(r => r.SentAt is null && r.FireAt > now.UtcDateTime)
                .Select(r => new ReminderRow(d.Id, d.Kind, d.RecommendationId, d.ActionId, d.ProviderId, d.DueOn, r.DaysBefore, r.FireAt)))
            .OrderBy(r => r.FireAt).ThenBy(r => r.DeadlineId).ThenBy(r => r.DaysBefore)
            .ToList();
        var reviewRows = (await reviews.OrderBy(r => r.DueAt).ThenBy(r => r.Id).ToListAsync(ct))
            .Select(r => new FollowUpReviewRow(r.Id, r.InspectionId, r.ProviderId, r.DueOn, r.Status.ToString(), r.RaisedAt, r.UpdatedBy, r.UpdatedAt))
            .ToList();
        return new ScheduleView(rows, reminders, reviewRows);
    }
}
