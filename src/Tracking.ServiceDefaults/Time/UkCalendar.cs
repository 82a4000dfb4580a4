namespace Tracking.ServiceDefaults.Time;

/// <summary>Dates as people in England and Wales read them: the calendar day in Europe/London. Instants stay in UTC.</summary>
public static class UkCalendar
{
    public static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, London).DateTime);

    public static DateOnly Today(TimeProvider clock) => Today(clock.GetUtcNow());
}
