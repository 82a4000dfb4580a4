using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Tracking.Scheduling.Data;
using Tracking.Scheduling.Features.ViewSchedule;
using Tracking.ServiceDefaults.OpenApi;
using Tracking.ServiceDefaults.Security;

namespace Tracking.Scheduling.Features.SubscribeToCalendar;

/// <param name="CreatedAt">When the address in use was made; the address itself is shown only once, when it is made.</param>
public sealed record CalendarFeedView(DateTime CreatedAt);

/// <param name="Token">The secret in the address; it is not kept and cannot be shown again.</param>
/// <param name="Path">The feed's path on this API, token included, for calendar apps to subscribe to.</param>
public sealed record NewCalendarFeed(string Token, string Path, DateTime CreatedAt);

public static class CalendarFeedEndpoints
{
    public const string FeedPath = "/api/schedule/calendar/";

    public static RouteGroupBuilder MapCalendarFeeds(this RouteGroupBuilder schedule)
    {
        schedule.MapGet("/calendar-feed", async (SchedulingDbContext db, CurrentUser user, CancellationToken ct) =>
                await Active(db, user.Subject).FirstOrDefaultAsync(ct) is { } feed
                    ? Results.Ok(new CalendarFeedView(feed.CreatedAt))
                    : NoFeed())
            .RequireAuthorization(TrackingPolicies.ReadSchedule)
            .WithName("ViewCalendarFeed")
            .WithSummary("Whether you have a private calendar address, and when it was made (the address itself is shown only when made)")
            .Produces<CalendarFeedView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        schedule.MapPost("/calendar-feed", async (SchedulingDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
            {
                var now = clock.GetUtcNow();
                await Revoke(db, user.Subject, now, ct);
                var (token, feed) = CalendarFeed.Make(user.Subject, RoleOf(user), user.VisibleProviders, now);
                db.CalendarFeeds.Add(feed);
                await db.SaveChangesAsync(ct);
                return Results.Created("/api/schedule/calendar-feed", new NewCalendarFeed(token, $"{FeedPath}{token}.ics", feed.CreatedAt));
            })
            .RequireAuthorization(TrackingPolicies.ReadSchedule)
            .WithName("MakeCalendarFeed")
            .WithSummary("Make you a private calendar address showing what you may see; any address you had before stops working")
            .Produces<NewCalendarFeed>(StatusCodes.Status201Created);

        schedule.MapDelete("/calendar-feed", async (SchedulingDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
            {
                if (!await Revoke(db, user.Subject, clock.GetUtcNow(), ct))
                {
                    return NoFeed();
                }

                await db.SaveChangesAsync(ct);
                return Results.NoContent();
            })
            .RequireAuthorization(TrackingPolicies.ReadSchedule)
            .WithName("RevokeCalendarFeed")
            .WithSummary("Stop your private calendar address working; calendar apps subscribed to it get 410 Gone")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);

        // Calendar apps send no token: the secret in the path is the only credential, and anonymous requests are rate limited.
        schedule.MapGet("/calendar/{token}.ics", async (string token, SchedulingDbContext db, TimeProvider clock, CancellationToken ct) =>
            {
                var hash = CalendarFeed.Hash(token);
                var feed = await db.CalendarFeeds.AsNoTracking().FirstOrDefaultAsync(f => f.TokenHash == hash, ct);
                if (feed is null)
                {
                    return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Calendar not found",
                        detail: "There is no calendar at this address.");
                }

                if (feed.RevokedAt is not null)
                {
                    return Results.Problem(statusCode: StatusCodes.Status410Gone, title: "Calendar address revoked",
                        detail: "This calendar address was revoked. Make a new one in the portal's Calendar page.");
                }

                var view = await ScheduleQuery.Run(db, new ScheduleFilter(null, null, feed.VisibleProviders), clock.GetUtcNow(), ct);
                return Results.Text(ScheduleCalendar.Write(view), "text/calendar; charset=utf-8");
            })
            .AllowAnonymous()
            .WithName("PrivateScheduleCalendar")
            .WithSummary("Your schedule as an iCalendar feed at your private address, for calendar apps that cannot send a token")
            .ProducesFile("An iCalendar (RFC 5545) feed of what the address's owner may see.", "text/calendar")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone);
        return schedule;
    }

    private static IQueryable<CalendarFeed> Active(SchedulingDbContext db, string subject) =>
        db.CalendarFeeds.Where(f => f.Subject == subject && f.RevokedAt == null).OrderByDescending(f => f.CreatedAt);

    /// <summary>Marks the person's addresses revoked; the caller saves, so a replacement is made in the same save.</summary>
    private static async Task<bool> Revoke(SchedulingDbContext db, string subject, DateTimeOffset now, CancellationToken ct)
    {
        var active = await Active(db, subject).ToListAsync(ct);
        foreach (var feed in active)
        {
            feed.RevokedAt = now.UtcDateTime;
        }

        return active.Count > 0;
    }

    private static string RoleOf(CurrentUser user) =>
        user.IsInspector ? TrackingRoles.Inspector : user.IsPlanner ? TrackingRoles.Planner : TrackingRoles.ProviderManager;

    private static IResult NoFeed() => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No calendar address",
        detail: "You have no private calendar address. Make one to subscribe from a calendar app.");
}
