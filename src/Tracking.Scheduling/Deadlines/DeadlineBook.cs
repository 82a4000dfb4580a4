using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tracking.Contracts;
using Tracking.Scheduling.Calendar;
using Tracking.Scheduling.Data;

namespace Tracking.Scheduling.Deadlines;

/// <summary>
/// What the consumers do to deadlines, on the consumer's own context: nothing is saved here, so the change, the
/// events it raises and the inbox row commit together. Events may arrive in any order; the rules below make a late
/// "set" event harmless after its "done" event, and an older state unable to move a date back.
/// </summary>
public sealed class DeadlineBook(SchedulingDbContext db, TimeProvider clock, IOptions<SchedulingOptions> options)
{
    private SchedulingOptions Options => options.Value;

    public async Task<bool> IsClosed(Guid recommendationId, RecommendationState? state, CancellationToken ct) =>
        state?.ClosedAt is not null
        || await db.Recommendations.AnyAsync(r => r.RecommendationId == recommendationId && r.Closed, ct);

    /// <summary>
    /// Opens a deadline unless one for the same thing is already known (any status). One already past is reported
    /// missed in the same transaction: a historical import raises what it missed at once, and exactly once.
    /// </summary>
    public async Task Open(string kind, Guid recommendationId, string providerId, DateOnly dueOn, CancellationToken ct,
        Guid? inspectionId = null, Guid? actionId = null, Guid? evidenceId = null, int? stateVersion = null)
    {
        if (await Find(kind, recommendationId, actionId, evidenceId).AnyAsync(ct))
        {
            return;
        }

        Add(Deadline.Open(kind, recommendationId, providerId, dueOn, clock.GetUtcNow(), Options.Reminders,
            inspectionId, actionId, evidenceId, stateVersion));
    }

    /// <summary>Marks the open deadline(s) for a thing met or cancelled; a "done" that overtook its "set" leaves a settled row.</summary>
    public async Task Settle(string kind, Guid recommendationId, string providerId, DeadlineStatus outcome, string reason, CancellationToken ct,
        Guid? actionId = null, Guid? evidenceId = null)
    {
        var known = await Find(kind, recommendationId, actionId, evidenceId).ToListAsync(ct);
        if (known.Count == 0)
        {
            db.Deadlines.Add(Deadline.AlreadyMet(kind, recommendationId, providerId, clock.GetUtcNow(), actionId, evidenceId));
            return;
        }

        foreach (var deadline in known)
        {
            Settle(deadline, outcome, reason, clock.GetUtcNow());
        }
    }

    /// <summary>
    /// Moves a deadline to a new due date. The old row is cancelled and a new one opened, rather than edited, so the
    /// record of what was due when (and whether it was missed) stays as it happened and the new date gets fresh
    /// reminders and its own single missed event.
    /// </summary>
    public void Move(Deadline current, DateOnly dueOn, int? stateVersion)
    {
        var now = clock.GetUtcNow();
        Settle(current, DeadlineStatus.Cancelled, "Moved", now);
        Add(Deadline.Open(current.Kind, current.RecommendationId, current.ProviderId, dueOn, now, Options.Reminders,
            current.InspectionId, current.ActionId, current.EvidenceId, stateVersion));
    }

    public async Task MoveAction(Guid recommendationId, Guid actionId, DateOnly dueOn, int stateVersion, CancellationToken ct)
    {
        var current = await Find(DeadlineKind.Action, recommendationId, actionId, null)
            .Where(d => d.Status == DeadlineStatus.Open).FirstOrDefaultAsync(ct);
        if (current is not null && current.DueOn != dueOn && (current.StateVersion ?? 0) < stateVersion)
        {
            Move(current, dueOn, stateVersion);
        }
    }

    /// <summary>Keeps one open deadline on the recommendation's own target date, as the newest state says it is.</summary>
    public async Task FollowTargetDate(Guid recommendationId, string providerId, RecommendationState? state, CancellationToken ct)
    {
        if (state?.TargetDate is not { } targetDate || await IsClosed(recommendationId, state, ct))
        {
            return;
        }

        var known = await Find(DeadlineKind.TargetDate, recommendationId, null, null).ToListAsync(ct);
        if (known.Any(d => (d.StateVersion ?? 0) >= state.Version))
        {
            return;
        }

        var open = known.FirstOrDefault(d => d.Status == DeadlineStatus.Open);
        if (open is null)
        {
            if (known.Count == 0)
            {
                Add(Deadline.Open(DeadlineKind.TargetDate, recommendationId, providerId, targetDate, clock.GetUtcNow(), Options.Reminders,
                    stateVersion: state.Version));
            }
        }
        else if (open.DueOn != targetDate)
        {
            Move(open, targetDate, state.Version);
        }
    }

    /// <summary>
    /// Every change to a recommendation's timers first claims its row: two events about one recommendation handled at
    /// the same time then collide on its version (or on inserting it), and the loser is retried and sees the winner's
    /// deadlines. Without this, "set" and "done" racing each other could both find no deadline and both add one.
    /// </summary>
    public async Task<TimedRecommendation> Claim(Guid recommendationId, string providerId, CancellationToken ct)
    {
        var timed = await db.Recommendations.FindAsync([recommendationId], ct);
        if (timed is null)
        {
            timed = new TimedRecommendation { RecommendationId = recommendationId, ProviderId = providerId, RecordedAt = clock.GetUtcNow().UtcDateTime };
            db.Recommendations.Add(timed);
        }
        else
        {
            timed.Version++;
        }

        return timed;
    }

    /// <summary>A closed recommendation owes nothing more: every open deadline is cancelled and it gets no new ones.</summary>
    public async Task CloseRecommendation(Guid recommendationId, string providerId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        foreach (var deadline in await db.Deadlines.Where(d => d.RecommendationId == recommendationId && d.Status == DeadlineStatus.Open).ToListAsync(ct))
        {
            Settle(deadline, DeadlineStatus.Cancelled, "RecommendationClosed", now);
        }

        (await Claim(recommendationId, providerId, ct)).Closed = true;
    }

    public DateOnly ResponseDueOn(DateOnly publishedOn) => UkWorkingDays.AddWorkingDays(publishedOn, Options.ResponseDueWorkingDays);

    public DateOnly EvidenceReviewDueOn(DateTimeOffset submittedAt) =>
        UkWorkingDays.AddWorkingDays(UkWorkingDays.DateOf(submittedAt), Options.EvidenceReviewWorkingDays);

    private void Add(Deadline deadline)
    {
        var now = clock.GetUtcNow();
        if (deadline.IsPastDue(now))
        {
            db.Publish(deadline.RaiseMissed(now), now);
        }

        db.Deadlines.Add(deadline);
        db.Publish(deadline.Scheduled(now), now);
    }

    /// <summary>Settles an open deadline; says it no longer counts, and that it is no longer missed if it was.</summary>
    private void Settle(Deadline deadline, DeadlineStatus outcome, string reason, DateTimeOffset now)
    {
        var wasOpen = deadline.Status == DeadlineStatus.Open;
        var cleared = deadline.Settle(outcome, reason, now);
        if (cleared is not null)
        {
            db.Publish(cleared, cleared.OccurredAt);
        }

        if (wasOpen && deadline.Status != DeadlineStatus.Open)
        {
            db.Publish(deadline.Scheduled(now), now);
        }
    }

    private IQueryable<Deadline> Find(string kind, Guid recommendationId, Guid? actionId, Guid? evidenceId) =>
        db.Deadlines.Where(d => d.RecommendationId == recommendationId && d.Kind == kind
            && d.ActionId == actionId && d.EvidenceId == evidenceId);
}
