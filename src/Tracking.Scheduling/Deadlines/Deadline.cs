using Tracking.Contracts;
using Tracking.Scheduling.Calendar;

namespace Tracking.Scheduling.Deadlines;

public enum DeadlineStatus { Open, Met, Cancelled }

/// <summary>
/// Something due by the end of a day (UK time): a response, an action, a target date, an evidence review.
/// Its missed and escalation moments are recorded so each is raised once, whoever raises it.
/// </summary>
public sealed class Deadline
{
    public Guid Id { get; private set; }

    /// <summary>One of <see cref="DeadlineKind"/>.</summary>
    public string Kind { get; private set; } = "";

    public Guid RecommendationId { get; private set; }

    public Guid? InspectionId { get; private set; }

    public Guid? ActionId { get; private set; }

    public Guid? EvidenceId { get; private set; }

    public string ProviderId { get; private set; } = "";

    public DateOnly DueOn { get; private set; }

    /// <summary>End of <see cref="DueOn"/> in London, in UTC.</summary>
    public DateTime DueAt { get; private set; }

    public DeadlineStatus Status { get; private set; }

    public DateTime? MissedRaisedAt { get; private set; }

    public DateTime? EscalationRaisedAt { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? SettledAt { get; private set; }

    /// <summary>The recommendation's state version that set this date, so an older event cannot move it back.</summary>
    public int? StateVersion { get; private set; }

    /// <summary>Concurrency token: a consumer settling a deadline the sweep has just marked missed retries and sees it missed.</summary>
    public int Revision { get; private set; }

    public List<Reminder> Reminders { get; private set; } = [];

    public bool WasMissed => MissedRaisedAt is not null;

    public static Deadline Open(string kind, Guid recommendationId, string providerId, DateOnly dueOn, DateTimeOffset now,
        IReadOnlyList<int> reminderDays, Guid? inspectionId = null, Guid? actionId = null, Guid? evidenceId = null, int? stateVersion = null)
    {
        var deadline = new Deadline
        {
            Id = Guid.NewGuid(),
            Kind = kind,
            RecommendationId = recommendationId,
            InspectionId = inspectionId,
            ActionId = actionId,
            EvidenceId = evidenceId,
            ProviderId = providerId,
            DueOn = dueOn,
            DueAt = UkWorkingDays.EndOfDay(dueOn).UtcDateTime,
            Status = DeadlineStatus.Open,
            CreatedAt = now.UtcDateTime,
            StateVersion = stateVersion,
        };

        // A reminder whose moment has already passed would arrive late and out of order with the next one: not kept.
        foreach (var days in reminderDays.Where(d => d > 0))
        {
            var fireAt = UkWorkingDays.StartOfDay(UkWorkingDays.DaysBefore(dueOn, days));
            if (fireAt > now)
            {
                deadline.Reminders.Add(new Reminder { Id = Guid.NewGuid(), DeadlineId = deadline.Id, DaysBefore = days, FireAt = fireAt.UtcDateTime });
            }
        }

        return deadline;
    }

    /// <summary>
    /// A deadline already done when first heard of (its "done" event overtook the one that set it): kept settled so the
    /// late event does not open it.
    /// </summary>
    public static Deadline AlreadyMet(string kind, Guid recommendationId, string providerId, DateTimeOffset now,
        Guid? actionId = null, Guid? evidenceId = null)
    {
        var deadline = Open(kind, recommendationId, providerId, UkWorkingDays.DateOf(now), now, [], actionId: actionId, evidenceId: evidenceId);
        deadline.Status = DeadlineStatus.Met;
        deadline.SettledAt = now.UtcDateTime;
        return deadline;
    }

    public bool IsPastDue(DateTimeOffset now) => DueAt < now.UtcDateTime;

    public int DaysOverdue(DateTimeOffset now) => IsPastDue(now) ? Math.Max(0, UkWorkingDays.DateOf(now).DayNumber - DueOn.DayNumber) : 0;

    public DeadlineMissed RaiseMissed(DateTimeOffset now)
    {
        MissedRaisedAt = now.UtcDateTime;
        Revision++;
        return Missed(now, escalation: 0);
    }

    public DeadlineMissed RaiseEscalation(DateTimeOffset now)
    {
        EscalationRaisedAt = now.UtcDateTime;
        Revision++;
        return Missed(now, escalation: 1);
    }

    /// <summary>Met or cancelled; returns the event that tells others it no longer counts as missed, if it did.</summary>
    public DeadlineCleared? Settle(DeadlineStatus outcome, string reason, DateTimeOffset now)
    {
        if (Status != DeadlineStatus.Open || outcome == DeadlineStatus.Open)
        {
            return null;
        }

        Status = outcome;
        SettledAt = now.UtcDateTime;
        Revision++;
        return WasMissed ? new DeadlineCleared(Id, Kind, RecommendationId, ActionId, ProviderId, reason, WasMissed: true, now) : null;
    }

    /// <summary>Tells others the deadline is open, or (once settled) no longer counts, with its due day.</summary>
    public DeadlineScheduled Scheduled(DateTimeOffset now) =>
        new(Id, Kind, RecommendationId, ActionId, EvidenceId, ProviderId, DueOn, Status == DeadlineStatus.Open, now);

    public DeadlineApproaching Approaching(int daysBefore, DateTimeOffset now) =>
        new(Id, Kind, RecommendationId, ActionId, EvidenceId, ProviderId, DueOn, DueAtOffset, daysBefore, now);

    private DateTimeOffset DueAtOffset => new(DateTime.SpecifyKind(DueAt, DateTimeKind.Utc));

    private DeadlineMissed Missed(DateTimeOffset now, int escalation) =>
        new(Id, Kind, RecommendationId, ActionId, EvidenceId, ProviderId, DueOn, DueAtOffset, DaysOverdue(now), escalation, now);
}
