using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tracking.Scheduling.Data;
using Tracking.Scheduling.FollowUps;
using Tracking.ServiceDefaults.Persistence;

namespace Tracking.Scheduling.Deadlines;

/// <summary>What one sweep raised.</summary>
public sealed record SweepResult(int Missed, int Escalated, int Reminded, int ReviewsRaised, int ReviewsSkipped)
{
    public int Total => Missed + Escalated + Reminded + ReviewsRaised + ReviewsSkipped;
}

/// <summary>
/// The one timer: run every minute by a Hangfire recurring job, it raises whatever has fallen due since the last run.
/// Each batch claims its rows (on PostgreSQL with FOR UPDATE SKIP LOCKED, so other scheduling processes skip them),
/// marks them and writes the events to the outbox in one transaction: every deadline is reported missed once, however
/// many processes sweep, and a minute with nothing due costs a few indexed range queries.
/// </summary>
public sealed class DeadlineSweep(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<SchedulingOptions> options,
    ILogger<DeadlineSweep> logger)
{
    public const string RecurringJobId = "deadline-sweep";

    // Within one process the sweeps take turns; between processes the row locks decide.
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public async Task<SweepResult> RunOnce(CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            var now = clock.GetUtcNow();
            var (_, missed) = await Drain(now, RaiseMissed, cancellationToken);
            var (_, escalated) = await Drain(now, RaiseEscalations, cancellationToken);
            var (_, reminded) = await Drain(now, SendReminders, cancellationToken);
            var (reviews, raised) = await Drain(now, RaiseReviews, cancellationToken);
            var result = new SweepResult(missed, escalated, reminded, raised, reviews - raised);
            if (result.Total > 0)
            {
                logger.LogInformation("Deadline sweep at {Now}: {Result}", now, result);
            }

            return result;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private delegate Task<(int Claimed, int Raised)> Batch(SchedulingDbContext db, DateTimeOffset now, int size, CancellationToken ct);

    /// <summary>Runs batches of one kind until a batch comes back short; each batch is one transaction.</summary>
    private async Task<(int Claimed, int Raised)> Drain(DateTimeOffset now, Batch batch, CancellationToken cancellationToken)
    {
        var size = Math.Max(1, options.Value.SweepBatchSize);
        var (totalClaimed, totalRaised) = (0, 0);
        for (var conflicts = 0; ;)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SchedulingDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                var (claimed, raised) = await batch(db, now, size, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                totalClaimed += claimed;
                totalRaised += raised;
                if (claimed < size)
                {
                    return (totalClaimed, totalRaised);
                }
            }
            catch (DbUpdateConcurrencyException) when (++conflicts < 5)
            {
                // A consumer settled a claimed row meanwhile (SQLite has no row locks): nothing was committed; claim again.
            }
        }
    }

    private static async Task<(int, int)> RaiseMissed(SchedulingDbContext db, DateTimeOffset now, int size, CancellationToken ct)
    {
        var at = now.UtcDateTime;
        var claimed = db.Database.IsNpgsql()
            ? await ClaimLocked(db.Deadlines,
                $"SELECT * FROM {db.QualifiedTable<Deadline>()} WHERE \"Status\" = 'Open' AND \"MissedRaisedAt\" IS NULL AND \"DueAt\" < {{0}} "
                + $"ORDER BY \"DueAt\" LIMIT {size} FOR UPDATE SKIP LOCKED", at, ct)
            : await db.Deadlines.Where(d => d.Status == DeadlineStatus.Open && d.MissedRaisedAt == null && d.DueAt < at)
                .OrderBy(d => d.DueAt).Take(size).ToListAsync(ct);
        foreach (var deadline in claimed)
        {
            db.Publish(deadline.RaiseMissed(now), now);
        }

        return (claimed.Count, claimed.Count);
    }

    private async Task<(int, int)> RaiseEscalations(SchedulingDbContext db, DateTimeOffset now, int size, CancellationToken ct)
    {
        var missedBefore = now.UtcDateTime.AddDays(-options.Value.EscalateAfterDays);
        var claimed = db.Database.IsNpgsql()
            ? await ClaimLocked(db.Deadlines,
                $"SELECT * FROM {db.QualifiedTable<Deadline>()} WHERE \"Status\" = 'Open' AND \"EscalationRaisedAt\" IS NULL "
                + $"AND \"MissedRaisedAt\" <= {{0}} ORDER BY \"MissedRaisedAt\" LIMIT {size} FOR UPDATE SKIP LOCKED", missedBefore, ct)
            : await db.Deadlines.Where(d => d.Status == DeadlineStatus.Open && d.EscalationRaisedAt == null && d.MissedRaisedAt <= missedBefore)
                .OrderBy(d => d.MissedRaisedAt).Take(size).ToListAsync(ct);
        foreach (var deadline in claimed)
        {
            db.Publish(deadline.RaiseEscalation(now), now);
        }

        return (claimed.Count, claimed.Count);
    }

    private static async Task<(int, int)> SendReminders(SchedulingDbContext db, DateTimeOffset now, int size, CancellationToken ct)
    {
        var at = now.UtcDateTime;
        var claimed = db.Database.IsNpgsql()
            ? await ClaimLocked(db.Reminders,
                $"SELECT * FROM {db.QualifiedTable<Reminder>()} WHERE \"SentAt\" IS NULL AND \"FireAt\" <= {{0}} "
                + $"ORDER BY \"FireAt\" LIMIT {size} FOR UPDATE SKIP LOCKED", at, ct)
            : await db.Reminders.Where(r => r.SentAt == null && r.FireAt <= at).OrderBy(r => r.FireAt).Take(size).ToListAsync(ct);
        var deadlineIds = claimed.Select(r => r.DeadlineId).Distinct().ToList();
        var deadlines = await db.Deadlines.AsNoTracking().Where(d => deadlineIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        var sent = 0;
        foreach (var reminder in claimed)
        {
            var deadline = deadlines[reminder.DeadlineId];
            if (deadline.Status == DeadlineStatus.Open && !deadline.IsPastDue(now))
            {
                db.Publish(deadline.Approaching(reminder.DaysBefore, now), now);
                reminder.SentAt = at;
                sent++;
            }
            else
            {
                // Met, cancelled, moved or already missed: the reminder has nothing left to remind of.
                db.Reminders.Remove(reminder);
            }
        }

        return (claimed.Count, sent);
    }

    private static async Task<(int, int)> RaiseReviews(SchedulingDbContext db, DateTimeOffset now, int size, CancellationToken ct)
    {
        var at = now.UtcDateTime;
        var claimed = db.Database.IsNpgsql()
            ? await ClaimLocked(db.FollowUpReviews,
                $"SELECT * FROM {db.QualifiedTable<FollowUpReview>()} WHERE \"Status\" = 'Scheduled' AND \"DueAt\" <= {{0}} "
                + $"ORDER BY \"DueAt\" LIMIT {size} FOR UPDATE SKIP LOCKED", at, ct)
            : await db.FollowUpReviews.Where(r => r.Status == FollowUpReviewStatus.Scheduled && r.DueAt <= at)
                .OrderBy(r => r.DueAt).Take(size).ToListAsync(ct);
        var inspectionIds = claimed.Select(r => r.InspectionId).Distinct().ToList();
        var open = (await db.Recommendations.AsNoTracking()
                .Where(r => inspectionIds.Contains(r.InspectionId) && !r.Closed)
                .Select(r => new { r.InspectionId, r.RecommendationId, r.Number })
                .ToListAsync(ct))
            .ToLookup(r => r.InspectionId);
        var raised = 0;
        foreach (var review in claimed)
        {
            var due = review.Raise(open[review.InspectionId].OrderBy(r => r.Number).Select(r => r.RecommendationId).ToList(), now);
            if (due is not null)
            {
                db.Publish(due, now);
                raised++;
            }
        }

        return (claimed.Count, raised);
    }

    /// <summary>Runs a claim query on PostgreSQL: the rows come back locked until this transaction ends, and others skip them.</summary>
    private static Task<List<TEntity>> ClaimLocked<TEntity>(DbSet<TEntity> rows, string sql, DateTime at, CancellationToken ct)
        where TEntity : class => rows.FromSqlRaw(sql, at).ToListAsync(ct);
}
