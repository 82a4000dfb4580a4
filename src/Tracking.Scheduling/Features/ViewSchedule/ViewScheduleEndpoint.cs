using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tracking.Scheduling.Data;
using Tracking.ServiceDefaults.Security;
using Tracking.ServiceDefaults.OpenApi;

namespace Tracking.Scheduling.Features.ViewSchedule;

public static class ViewScheduleEndpoint
{
    public static RouteGroupBuilder MapViewSchedule(this RouteGroupBuilder schedule)
    {
        schedule.MapGet("/", async (Guid? recommendationId, string? providerId, SchedulingDbContext db, CurrentUser user, TimeProvider clock,
                CancellationToken ct) =>
                Results.Ok(await ScheduleQuery.Run(db, new ScheduleFilter(recommendationId, providerId, user.VisibleProviders), clock.GetUtcNow(), ct)))
            .RequireAuthorization(TrackingPolicies.ReadSchedule)
            .WithName("ViewSchedule")
            .WithSummary("Upcoming and missed deadlines, reminders still to go out and follow-up reviews (provider managers: their own providers)")
            .DescribeQuery(new QueryParameter("recommendationId", "Only this recommendation's deadlines and reminders.", Format: "uuid"),
                new QueryParameter("providerId", "Only this provider's schedule."))
            .Produces<ScheduleView>();
        return schedule;
    }

    public static RouteGroupBuilder MapCalendarFeed(this RouteGroupBuilder schedule)
    {
        schedule.MapGet("/calendar.ics", async (string? providerId, SchedulingDbContext db, CurrentUser user, TimeProvider clock,
                CancellationToken ct) =>
            {
                var view = await ScheduleQuery.Run(db, new ScheduleFilter(null, providerId, user.VisibleProviders), clock.GetUtcNow(), ct);
                return Results.Text(ScheduleCalendar.Write(view), "text/calendar; charset=utf-8");
            })
            .RequireAuthorization(TrackingPolicies.ReadSchedule)
            .WithName("ScheduleCalendar")
            .WithSummary("The schedule as an iCalendar feed: one all-day event per open deadline and scheduled follow-up review")
            .DescribeQuery(new QueryParameter("providerId", "Only this provider's schedule."))
            .ProducesFile("An iCalendar (RFC 5545) feed.", "text/calendar");
        return schedule;
    }
}
