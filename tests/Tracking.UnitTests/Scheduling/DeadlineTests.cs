using Tracking.Contracts;
using Tracking.Scheduling.Deadlines;

namespace Tracking.UnitTests.Scheduling;

public sealed class DeadlineTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Reminders_fire_at_the_start_of_the_UK_day_the_given_days_before()
    {
        var deadline = Deadline.Open(DeadlineKind.Action, Guid.NewGuid(), "p", new DateOnly(2026, 4, 2), Now, [7, 1]);

        deadline.Reminders.Select(r => (r.DaysBefore, r.FireAt)).ShouldBe(
        [
            (7, new DateTime(2026, 3, 26, 0, 0, 0, DateTimeKind.Utc)), // still GMT: the clocks go forward on 29 March
            (1, new DateTime(2026, 3, 31, 23, 0, 0, DateTimeKind.Utc)), // BST
        ]);
        deadline.DueAt.ShouldBe(new DateTime(2026, 4, 2, 23, 0, 0, DateTimeKind.Utc).AddTicks(-1));
    }

    [Fact]
    public void A_reminder_whose_moment_has_passed_is_not_kept()
    {
        var deadline = Deadline.Open(DeadlineKind.Action, Guid.NewGuid(), "p", new DateOnly(2026, 3, 5), Now, [7, 1]);

        deadline.Reminders.Select(r => r.DaysBefore).ShouldBe([1]);
    }

    [Fact]
    public void Settling_tells_others_only_when_it_had_been_reported_missed()
    {
        var onTime = Deadline.Open(DeadlineKind.Response, Guid.NewGuid(), "p", new DateOnly(2026, 3, 10), Now, []);
        var late = Deadline.Open(DeadlineKind.Response, Guid.NewGuid(), "p", new DateOnly(2026, 2, 10), Now, []);
        late.RaiseMissed(Now).DaysOverdue.ShouldBe(20);

        onTime.Settle(DeadlineStatus.Met, "Responded", Now).ShouldBeNull();
        var cleared = late.Settle(DeadlineStatus.Met, "Responded", Now).ShouldNotBeNull();

        cleared.WasMissed.ShouldBeTrue();
        cleared.Reason.ShouldBe("Responded");
        late.Settle(DeadlineStatus.Cancelled, "again", Now).ShouldBeNull("a settled deadline does not settle twice");
    }
}
