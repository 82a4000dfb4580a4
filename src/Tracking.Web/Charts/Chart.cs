namespace Tracking.Web.Charts;

public enum ChartKind
{
    /// <summary>Horizontal bars, one per category, for the first series.</summary>
    Bar,

    /// <summary>One line per series across the categories (days, in order).</summary>
    Line,
}

/// <param name="Colour">A GOV.UK colour, given as an SVG attribute: the nonce CSP allows no inline style.</param>
public sealed record ChartSeries(string Name, string Colour, IReadOnlyList<double> Values);

/// <summary>A chart's data: what the SVG draws and what the table behind it lists, so both always say the same.</summary>
/// <param name="Id">Unique on the page: the SVG's title and description are referred to by it.</param>
/// <param name="Categories">Bar labels, or the days along a line chart, in order.</param>
public sealed record Chart(
    string Id, string Title, string Description, ChartKind Kind, string CategoryHeading, IReadOnlyList<string> Categories,
    IReadOnlyList<ChartSeries> Series)
{
    public bool IsEmpty => Categories.Count == 0 || Series.Count == 0;
}

/// <summary>GOV.UK Frontend's palette, for fills and strokes.</summary>
public static class ChartColours
{
    public const string Blue = "#1d70b8";
    public const string Green = "#00703c";
    public const string Red = "#d4351c";
    public const string Orange = "#f47738";
    public const string Purple = "#4c2c92";
    public const string Grey = "#505a5f";
    public const string LightGrey = "#b1b4b6";
}
