using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tracking.Notifications.Data;
using Tracking.Notifications.Delivery;
using Tracking.Notifications.Rules;
using Tracking.Notifications.Templates;

namespace Tracking.Notifications.UpdateRounds;

/// <summary>
/// Starts update rounds: on the cadence (the first day of every UpdateRoundEveryMonths-th month, January first, at
/// the digest time UK; a process that was down catches up the same day only, so a new install does not ask about a
/// quarter long gone), or when an inspector asks. Each open action with an owner, due within UpdateRoundWindowDays,
/// gets one request, queued as an occasion so settings, digests and the (event, person, rule) key apply.
/// </summary>
public sealed class UpdateRoundMaker(NotificationsDbContext db, Notifier notifier, PortalLinks links, IOptions<NotificationOptions> options,
    TimeProvider clock)
{
    public async Task StartDue(CancellationToken ct)
    {
        var every = options.Value.UpdateRoundEveryMonths;
        var now = clock.GetUtcNow();
        var today = UkCalendar.Today(now);
        if (every <= 0 || (today.Month - 1) % every != 0 || today.Day != 1)
        {
            return;
        }

        var (day, startsAt) = DigestMaker.LastDigestTime(now, options.Value.DigestTime);
        var key = $"scheduled:{today:yyyy-MM-dd}";
        if (day != today || startsAt > now.UtcDateTime || await db.UpdateRounds.AnyAsync(r => r.Key == key, ct))
        {
            return;
        }

        try
        {
            await Start(key, startedBy: null, ct);
        }
        catch (DbUpdateException)
        {
            // Another process started this round first.
            db.ChangeTracker.Clear();
        }
    }

    public async Task<UpdateRound> Start(string key, string? startedBy, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var round = new UpdateRound
        {
            Id = Guid.NewGuid(),
            Key = key,
            StartedAt = now.UtcDateTime,
            DueBy = UkCalendar.Today(now).AddDays(options.Value.UpdateRoundWindowDays),
            StartedBy = startedBy,
        };
        db.UpdateRounds.Add(round);
        var actions = await db.ActionOwners.AsNoTracking()
            .Where(a => !a.Closed && a.OwnerEmail != "" && a.TargetDate <= round.DueBy)
            .OrderBy(a => a.TargetDate).ToListAsync(ct);
        var known = await db.Recommendations.AsNoTracking().Where(r => actions.Select(a => a.RecommendationId).Contains(r.RecommendationId))
            .ToDictionaryAsync(r => r.RecommendationId, ct);
        foreach (var action in actions)
        {
            db.UpdateRequests.Add(new UpdateRequest
            {
                Id = Guid.NewGuid(),
                RoundId = round.Id,
                ActionId = action.ActionId,
                RecommendationId = action.RecommendationId,
                ProviderId = action.ProviderId,
                Action = action.Description,
                OwnerName = action.OwnerName,
                OwnerEmail = action.OwnerEmail,
                TargetDate = action.TargetDate,
                AskedAt = now.UtcDateTime,
            });
            var values = new Dictionary<string, string>
            {
                ["provider"] = known.TryGetValue(action.RecommendationId, out var r) && r.ProviderName.Length > 0 ? r.ProviderName : action.ProviderId,
                ["action"] = action.Description,
                ["due_on"] = action.TargetDate.ToString("d MMMM yyyy"),
                ["round"] = UkCalendar.Today(now).ToString("MMMM yyyy"),
            };
            await notifier.Notify(NotificationRules.UpdateRequest,
                new Occasion($"update-round:{round.Id}:{action.ActionId}", action.ProviderId, action.RecommendationId, action.ActionId,
                    links.EvidenceForm(action.RecommendationId), values), ct);
        }

        await db.SaveChangesAsync(ct);
        return round;
    }
}
