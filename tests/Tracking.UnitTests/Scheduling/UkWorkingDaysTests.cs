using Tracking.Scheduling.Calendar;

namespace Tracking.UnitTests.Scheduling;

public sealed class UkWorkingDaysTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Theory]
    // 2020: Christmas on a Friday, Boxing Day on a Saturday with its substitute on Monday 28th.
    [InlineData("2020-12-24", 1, "2020-12-29")]
    // 2021: both at the weekend; substitutes Monday 27th and Tuesday 28th.
    [InlineData("2021-12-24", 1, "2021-12-29")]
    // 2022: Christmas on a Sunday; Boxing Day Monday 26th, Christmas substitute Tuesday 27th.
    [InlineData("2022-12-23", 1, "2022-12-28")]
    [InlineData("2022-12-23", 3, "2022-12-30")]
    // New Year's Day 2022 was a Saturday: substitute Monday 3 January.
    [InlineData("2021-12-31", 1, "2022-01-04")]
    public void Christmas_Boxing_Day_and_their_substitute_days_are_not_working_days(string start, int days, string expected) =>
        UkWorkingDays.AddWorkingDays(DateOnly.Parse(start), days).ShouldBe(DateOnly.Parse(expected));

    [Theory]
    [InlineData("2021-12-27")]
    [InlineData("2021-12-28")]
    [InlineData("2022-12-26")]
    [InlineData("2022-12-27")]
    [InlineData("2020-12-28")]
    public void Substitute_bank_holidays_are_holidays(string date) =>
        UkWorkingDays.IsWorkingDay(DateOnly.Parse(date)).ShouldBeFalse();

    [Fact]
    public void Good_Friday_and_Easter_Monday_are_skipped()
    {
        UkWorkingDays.IsBankHoliday(D(2026, 4, 3)).ShouldBeTrue();
        UkWorkingDays.IsBankHoliday(D(2026, 4, 6)).ShouldBeTrue();
        UkWorkingDays.AddWorkingDays(D(2026, 4, 2), 1).ShouldBe(D(2026, 4, 7));
        UkWorkingDays.AddWorkingDays(D(2020, 4, 9), 1).ShouldBe(D(2020, 4, 14));
    }

    [Fact]
    public void The_August_bank_holiday_is_the_last_Monday_of_August()
    {
        UkWorkingDays.IsBankHoliday(D(2026, 8, 31)).ShouldBeTrue();
        UkWorkingDays.IsBankHoliday(D(2025, 8, 25)).ShouldBeTrue();
        UkWorkingDays.AddWorkingDays(D(2026, 8, 28), 1).ShouldBe(D(2026, 9, 1));
    }

    [Fact]
    public void Scotlands_own_holidays_do_not_count_in_England_and_Wales()
    {
        UkWorkingDays.IsWorkingDay(D(2026, 1, 2)).ShouldBeTrue("2 January is a holiday in Scotland only");
        UkWorkingDays.IsWorkingDay(D(2026, 8, 3)).ShouldBeTrue("the first Monday of August is Scotland's summer holiday");
    }

    [Fact]
    public void Northumbrias_response_was_due_forty_working_days_after_11_February_2020()
    {
        UkWorkingDays.AddWorkingDays(D(2020, 2, 11), 40).ShouldBe(D(2020, 4, 7));
    }

    [Fact]
    public void Weekends_are_skipped_and_zero_days_is_the_same_day()
    {
        UkWorkingDays.AddWorkingDays(D(2026, 3, 6), 1).ShouldBe(D(2026, 3, 9));
        UkWorkingDays.AddWorkingDays(D(2026, 3, 7), 0).ShouldBe(D(2026, 3, 7));
        UkWorkingDays.AddWorkingDays(D(2026, 3, 2), 10).ShouldBe(D(2026, 3, 16));
    }

    [Fact]
    public void A_day_ends_at_midnight_London_time_in_winter_and_summer()
    {
        UkWorkingDays.EndOfDay(D(2026, 1, 15)).ShouldBe(new DateTimeOffset(2026, 1, 16, 0, 0, 0, TimeSpan.Zero).AddTicks(-1));
        UkWorkingDays.EndOfDay(D(2026, 7, 15)).ShouldBe(new DateTimeOffset(2026, 7, 15, 23, 0, 0, TimeSpan.Zero).AddTicks(-1));
        UkWorkingDays.EndOfDay(D(2026, 7, 15)).Offset.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void The_day_the_clocks_go_forward_is_23_hours_long_and_ends_at_23_00_UTC()
    {
        var day = D(2026, 3, 29);

        UkWorkingDays.StartOfDay(day).ShouldBe(new DateTimeOffset(2026, 3, 29, 0, 0, 0, TimeSpan.Zero));
        UkWorkingDays.EndOfDay(day).ShouldBe(new DateTimeOffset(2026, 3, 29, 23, 0, 0, TimeSpan.Zero).AddTicks(-1));
        (UkWorkingDays.EndOfDay(day).AddTicks(1) - UkWorkingDays.StartOfDay(day)).ShouldBe(TimeSpan.FromHours(23));
        UkWorkingDays.EndOfDay(D(2026, 3, 28)).ShouldBe(new DateTimeOffset(2026, 3, 29, 0, 0, 0, TimeSpan.Zero).AddTicks(-1));
    }

    [Fact]
    public void The_day_the_clocks_go_back_is_25_hours_long_and_ends_at_midnight_UTC()
    {
        var day = D(2026, 10, 25);

        UkWorkingDays.StartOfDay(day).ShouldBe(new DateTimeOffset(2026, 10, 24, 23, 0, 0, TimeSpan.Zero));
        UkWorkingDays.EndOfDay(day).ShouldBe(new DateTimeOffset(2026, 10, 26, 0, 0, 0, TimeSpan.Zero).AddTicks(-1));
        (UkWorkingDays.EndOfDay(day).AddTicks(1) - UkWorkingDays.StartOfDay(day)).ShouldBe(TimeSpan.FromHours(25));
    }

    [Fact]
    public void The_UK_date_of_an_instant_late_on_a_summer_evening_is_already_the_next_day()
    {
        UkWorkingDays.DateOf(new DateTimeOffset(2026, 7, 15, 23, 30, 0, TimeSpan.Zero)).ShouldBe(D(2026, 7, 16));
        UkWorkingDays.DateOf(new DateTimeOffset(2026, 1, 15, 23, 30, 0, TimeSpan.Zero)).ShouldBe(D(2026, 1, 15));
    }

    [Fact]
    public void A_negative_number_of_working_days_is_refused_rather_than_counted_backwards() =>
        Should.Throw<ArgumentOutOfRangeException>(() => UkWorkingDays.AddWorkingDays(D(2026, 3, 2), -1));
}
