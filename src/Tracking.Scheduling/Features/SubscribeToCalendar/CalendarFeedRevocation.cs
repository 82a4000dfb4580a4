using Microsoft.EntityFrameworkCore;
using Tracking.Scheduling.Data;
using Tracking.ServiceDefaults.Security;

namespace Tracking.Scheduling.Features.SubscribeToCalendar;

/// <summary>
/// A feed copies who its owner was when it was made; when the identity role says that no longer holds, the address stops
/// working (410, as if the person had revoked it). Changes only rows still active, so a repeated event changes nothing.
/// </summary>
internal static class CalendarFeedRevocation
{
    /// <summary>The person was deactivated: every address of theirs stops.</summary>
    public static Task<int> RevokeAll(SchedulingDbContext db, Guid personId, DateTimeOffset at, CancellationToken ct) =>
        Revoke(db, personId, _ => true, at, ct);

    /// <summary>The person's role or provider changed: addresses made for the old role or provider stop; a name change keeps them.</summary>
    public static Task<int> RevokeOutdated(SchedulingDbContext db, Guid personId, string role, string? providerId, DateTimeOffset at,
        CancellationToken ct) =>
        Revoke(db, personId, feed => feed.Role != role || (role == TrackingRoles.ProviderManager && feed.ProviderIds != providerId), at, ct);

    private static async Task<int> Revoke(SchedulingDbContext db, Guid personId, Func<CalendarFeed, bool> outdated, DateTimeOffset at,
        CancellationToken ct)
    {
        var subject = personId.ToString();
        var active = await db.CalendarFeeds.Where(f => f.Subject == subject && f.RevokedAt == null).ToListAsync(ct);
        var revoked = active.Where(outdated).ToList();
        foreach (var feed in revoked)
        {
            feed.RevokedAt = at.UtcDateTime;
        }

        return revoked.Count;
    }
}
