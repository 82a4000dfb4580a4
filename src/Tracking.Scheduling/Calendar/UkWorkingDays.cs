using System.Collections.Concurrent;
using PublicHoliday;
using Tracking.ServiceDefaults.Time;

namespace Tracking.Scheduling.Calendar;

/// <summary>
/// Working days in England and Wales (weekends and bank holidays, substitute days included) and the UK clock:
/// dates are reckoned in Europe/London, instants are stored in UTC.
/// </summary>
public static class UkWorkingDays
{
    private static readonly UKBankHoliday EnglandAndWales = new(UKBankHoliday.UkCountries.England);
    private static readonly ConcurrentDictionary<int, HashSet<DateOnly>> HolidaysByYear = new();

    public static bool IsBankHoliday(DateOnly date) =>
        HolidaysByYear.GetOrAdd(date.Year, year => EnglandAndWales.PublicHolidays(year).Select(DateOnly.FromDateTime).ToHashSet())
            .Contains(date);

    public static bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsBankHoliday(date);

    /// <summary>The date <paramref name="workingDays"/> working days after <paramref name="start"/> (the start day itself not counted).</summary>
    public static DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var date = start;
        // The calendar ends at 9999-12-31: a deadline that would fall beyond it stays on the last day, never throws.
        for (var counted = 0; counted < workingDays && date < DateOnly.MaxValue;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                counted++;
            }
        }

        return date;
    }

    /// <summary>The last instant of the day in London: a deadline is met if done by then.</summary>
    public static DateTimeOffset EndOfDay(DateOnly date) =>
        date == DateOnly.MaxValue ? new DateTimeOffset(DateTime.MaxValue, TimeSpan.Zero) : StartOfDay(date.AddDays(1)).AddTicks(-1);

    /// <summary>The date <paramref name="days"/> calendar days before <paramref name="date"/>, or the calendar's first day.</summary>
    public static DateOnly DaysBefore(DateOnly date, int days) =>
        date.DayNumber - DateOnly.MinValue.DayNumber >= days ? date.AddDays(-days) : DateOnly.MinValue;

    /// <summary>Midnight at the start of the day in London, as a UTC instant.</summary>
    public static DateTimeOffset StartOfDay(DateOnly date)
    {
        // Europe/London changes clocks at 01:00 UTC, never at midnight, so local midnight always exists exactly once.
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        if (date == DateOnly.MinValue)
        {
            return new DateTimeOffset(local, TimeSpan.Zero); // no earlier instant to convert to
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, UkCalendar.London), TimeSpan.Zero);
    }

    public static DateOnly Today(DateTimeOffset now) => DateOf(now);

    public static DateOnly DateOf(DateTimeOffset instant) => UkCalendar.Today(instant);
}
