using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Tracking.Contracts;
using Tracking.Scheduling.FollowUps;
using ICalendar = Ical.Net.Calendar;

namespace Tracking.Scheduling.Features.ViewSchedule;

/// <summary>The schedule as iCalendar: all-day events, so calendars show them on the UK date whatever the reader's zone.</summary>
public static class ScheduleCalendar
{
    public static string Write(ScheduleView view)
    {
        var calendar = new ICalendar { ProductId = "-//Tracking//Schedule//EN" };
        calendar.AddProperty("X-WR-CALNAME", "Tracking: deadlines and follow-up reviews");
        foreach (var deadline in view.Deadlines)
        {
            var which = deadline.RecommendationNumber is { } number ? $"recommendation {number}" : "a recommendation";
            calendar.Events.Add(AllDay(deadline.Id, deadline.DueOn,
                $"{(deadline.Missed ? "MISSED: " : "")}{Describe(deadline.Kind)} due for {which} ({deadline.ProviderId})",
                $"Recommendation {deadline.RecommendationId}" + (deadline.ActionId is { } action ? $", action {action}" : "")));
        }

        foreach (var review in view.FollowUpReviews.Where(r => r.Status == nameof(FollowUpReviewStatus.Scheduled)))
        {
            calendar.Events.Add(AllDay(review.Id, review.DueOn, $"Follow-up review due ({review.ProviderId})", $"Inspection {review.InspectionId}"));
        }

        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    private static CalendarEvent AllDay(Guid id, DateOnly day, string summary, string description) => new()
    {
        Uid = $"{id}@tracking",
        Summary = summary,
        Description = description,
        DtStart = new CalDateTime(day),
        DtEnd = new CalDateTime(day == DateOnly.MaxValue ? day : day.AddDays(1)),
    };

    private static string Describe(string kind) => kind switch
    {
        DeadlineKind.Response => "Response and action plan",
        DeadlineKind.Action => "Action",
        DeadlineKind.TargetDate => "Target date",
        DeadlineKind.EvidenceReview => "Evidence review",
        _ => kind,
    };
}
