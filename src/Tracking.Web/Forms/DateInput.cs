namespace Tracking.Web.Forms;

/// <summary>A GOV.UK date input's three fields, as typed; <see cref="Read"/> says what is wrong in the design system's words.</summary>
public sealed class DateInput
{
    public string? Day { get; set; }

    public string? Month { get; set; }

    public string? Year { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    public static DateInput From(DateOnly? date) => date is { } d
        ? new DateInput { Day = d.Day.ToString(), Month = d.Month.ToString(), Year = d.Year.ToString() }
        : new DateInput();

    /// <param name="what">How the question names the date, e.g. "the target date".</param>
    public (DateOnly? Date, string? Error) Read(string what, bool required)
    {
        if (IsEmpty)
        {
            return (null, required ? $"Enter {what}" : null);
        }

        var missing = new[] { ("day", Day), ("month", Month), ("year", Year) }.Where(p => string.IsNullOrWhiteSpace(p.Item2)).Select(p => p.Item1).ToList();
        if (missing.Count > 0)
        {
            return (null, $"{Capitalised(what)} must include a {string.Join(" and ", missing)}");
        }

        if (int.TryParse(Day, out var day) && int.TryParse(Month, out var month) && int.TryParse(Year, out var year)
            && year is >= 1900 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
        {
            return (new DateOnly(year, month, day), null);
        }

        return (null, $"{Capitalised(what)} must be a real date");
    }

    private static string Capitalised(string what) => what.Length == 0 ? what : char.ToUpperInvariant(what[0]) + what[1..];
}
