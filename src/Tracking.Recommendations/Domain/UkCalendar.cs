namespace Tracking.Recommendations.Domain;

/// <summary>Dates as people in England and Wales read them: the calendar day in Europe/London.</summary>
public static class UkCalendar
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, London).DateTime);
}
