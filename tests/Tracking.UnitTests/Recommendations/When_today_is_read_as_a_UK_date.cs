using System.Globalization;
using Tracking.Recommendations.Domain;

namespace Tracking.UnitTests.Recommendations;

public class When_today_is_read_as_a_UK_date
{
    [Theory]
    [InlineData("2026-07-01T23:30:00Z", "2026-07-02")]
    [InlineData("2026-01-15T23:30:00Z", "2026-01-15")]
    [InlineData("2026-03-29T00:30:00Z", "2026-03-29")]
    [InlineData("2026-10-24T23:30:00Z", "2026-10-25")]
    [InlineData("2026-10-25T23:30:00Z", "2026-10-25")]
    [InlineData("2026-07-02T00:30:00+02:00", "2026-07-01")]
    public void It_is_the_calendar_day_in_London(string instant, string londonDate)
    {
        var now = DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture);

        UkCalendar.Today(now).ShouldBe(DateOnly.Parse(londonDate, CultureInfo.InvariantCulture));
    }
}
