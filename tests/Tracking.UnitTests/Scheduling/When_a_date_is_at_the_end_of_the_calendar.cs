using Tracking.Contracts;
using Tracking.Scheduling.Calendar;
using Tracking.Scheduling.Deadlines;

namespace Tracking.UnitTests.Scheduling;

/// <summary>
/// A date that got past validation (or arrived in an old event) must never make the scheduling calculation throw:
/// a consumer that throws retries, faults and rolls back the unrelated change it was applying with it.
/// </summary>
public sealed class When_a_date_is_at_the_end_of_the_calendar
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static TheoryData<DateOnly> EdgeDates() =>
        [DateOnly.MaxValue, DateOnly.MaxValue.AddDays(-1), DateOnly.MinValue, DateOnly.MinValue.AddDays(1)];

    [Theory]
    [MemberData(nameof(EdgeDates))]
    public void A_deadline_with_reminders_opens_on_it(DateOnly dueOn)
    {
        var deadline = Should.NotThrow(() => Deadline.Open(DeadlineKind.Action, Guid.NewGuid(), "p", dueOn, Now, [20, 7, 1]));

        deadline.DueOn.ShouldBe(dueOn);
        deadline.DueAt.ShouldBeGreaterThanOrEqualTo(UkWorkingDays.StartOfDay(dueOn).UtcDateTime);
    }

    [Fact]
    public void The_last_day_ends_at_the_last_instant()
    {
        UkWorkingDays.EndOfDay(DateOnly.MaxValue).ShouldBe(DateTimeOffset.MaxValue);
    }

    [Fact]
    public void Working_days_counted_past_the_last_day_stop_there()
    {
        UkWorkingDays.AddWorkingDays(DateOnly.MaxValue.AddDays(-3), 20).ShouldBe(DateOnly.MaxValue);
    }
}
