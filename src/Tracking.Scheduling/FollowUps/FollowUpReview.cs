using Tracking.Contracts;
using Tracking.Scheduling.Calendar;

namespace Tracking.Scheduling.FollowUps;

public enum FollowUpReviewStatus { Scheduled, Raised, Skipped, Cancelled }

/// <summary>A review of an inspection's open recommendations some months after publication; planners may move or cancel it.</summary>
public sealed class FollowUpReview
{
    public Guid Id { get; private set; }

    public Guid InspectionId { get; private set; }

    public string ProviderId { get; private set; } = "";

    public DateOnly DueOn { get; private set; }

    /// <summary>Start of <see cref="DueOn"/> in London, in UTC: planners hear of a review on the morning it is due.</summary>
    public DateTime DueAt { get; private set; }

    public FollowUpReviewStatus Status { get; private set; }

    public DateTime? RaisedAt { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public string? UpdatedBy { get; private set; }

    public DateTime? UpdatedAt { get; private set; }

    public int Revision { get; private set; }

    public static FollowUpReview Schedule(Guid inspectionId, string providerId, DateOnly dueOn, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        InspectionId = inspectionId,
        ProviderId = providerId,
        DueOn = dueOn,
        DueAt = UkWorkingDays.StartOfDay(dueOn).UtcDateTime,
        Status = FollowUpReviewStatus.Scheduled,
        CreatedAt = now.UtcDateTime,
    };

    /// <summary>Why the review cannot be changed any more, or null if it can.</summary>
    public string? WhyFixed => Status switch
    {
        FollowUpReviewStatus.Raised => "The follow-up review has already been raised.",
        FollowUpReviewStatus.Skipped => "The follow-up review was skipped: every recommendation was closed.",
        FollowUpReviewStatus.Cancelled => "The follow-up review has been cancelled.",
        _ => null,
    };

    public void MoveTo(DateOnly dueOn, string by, DateTimeOffset now)
    {
        DueOn = dueOn;
        DueAt = UkWorkingDays.StartOfDay(dueOn).UtcDateTime;
        Touch(by, now);
    }

    public void Cancel(string by, DateTimeOffset now)
    {
        Status = FollowUpReviewStatus.Cancelled;
        Touch(by, now);
    }

    /// <summary>Raised with what is still open, or skipped when nothing is.</summary>
    public FollowUpReviewDue? Raise(IReadOnlyList<Guid> openRecommendationIds, DateTimeOffset now)
    {
        RaisedAt = now.UtcDateTime;
        Revision++;
        if (openRecommendationIds.Count == 0)
        {
            Status = FollowUpReviewStatus.Skipped;
            return null;
        }

        Status = FollowUpReviewStatus.Raised;
        return new FollowUpReviewDue(Id, InspectionId, ProviderId, DueOn, openRecommendationIds, now);
    }

    private void Touch(string by, DateTimeOffset now)
    {
        UpdatedBy = by;
        UpdatedAt = now.UtcDateTime;
        Revision++;
    }
}
