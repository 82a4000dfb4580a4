using System.Globalization;
using System.Xml.Linq;

namespace Tracking.Web.Charts;

/// <summary>
/// Draws a <see cref="Chart"/> as inline SVG on the server: no JavaScript, colours as attributes (the CSP allows no
/// inline style), role="img" with a title and description; the data table behind it is the full text alternative.
/// </summary>
public static class ChartSvg
{
    public const double Width = 640;
    private const double Left = 56;
    private const double Right = 24;
    private const double Top = 16;
    private const double BarHeight = 20;
    private const double BarLabel = 22;
    private const double BarGap = 10;
    private const double BarLeft = 8;
    private const double LineHeight = 240;
    private const double AxisSpace = 40;
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static string Render(Chart chart) => Draw(chart).ToString(SaveOptions.DisableFormatting);

    public static XElement Draw(Chart chart)
    {
        var titleId = $"{chart.Id}-title";
        var descId = $"{chart.Id}-desc";
        var height = Height(chart);
        var svg = new XElement(Svg + "svg",
            new XAttribute("class", "tracking-chart"),
            new XAttribute("role", "img"),
            new XAttribute("aria-labelledby", $"{titleId} {descId}"),
            new XAttribute("viewBox", $"0 0 {N(Width)} {N(height)}"),
            new XAttribute("width", "100%"),
            new XAttribute("focusable", "false"),
            new XElement(Svg + "title", new XAttribute("id", titleId), chart.Title),
            new XElement(Svg + "desc", new XAttribute("id", descId), chart.Description));
        if (chart.IsEmpty)
        {
            svg.Add(Text(Width / 2, height / 2, "No figures yet", "middle"));
            return svg;
        }

        if (chart.Kind == ChartKind.Bar)
        {
            DrawBars(svg, chart);
        }
        else
        {
            DrawLines(svg, chart, height);
        }

        return svg;
    }

    public static double Height(Chart chart) => chart.IsEmpty
        ? 80
        : chart.Kind == ChartKind.Bar
            ? Top + (chart.Categories.Count * BarRow) + AxisSpace
            : Top + LineHeight + AxisSpace + (chart.Series.Count * 20);

    private const double BarRow = BarLabel + BarHeight + BarGap;

    /// <summary>The bars' geometry: one row per category (its label above the bar, so long names fit), its length on the value scale.</summary>
    public static IReadOnlyList<(double X, double Y, double Width, double Height)> Bars(Chart chart, out LinearScale scale)
    {
        var values = chart.Series[0].Values;
        scale = new LinearScale(values.DefaultIfEmpty(0).Max(), BarLeft, Width - Right - 32);
        var bars = new List<(double, double, double, double)>();
        for (var i = 0; i < chart.Categories.Count; i++)
        {
            var value = i < values.Count ? values[i] : 0;
            bars.Add((BarLeft, Top + (i * BarRow) + BarLabel, scale.Map(value) - BarLeft, BarHeight));
        }

        return bars;
    }

    /// <summary>A line's points: categories spread evenly across the width (one point sits in the middle), values up the scale.</summary>
    public static IReadOnlyList<(double X, double Y)> Points(Chart chart, ChartSeries series, LinearScale scale)
    {
        var n = chart.Categories.Count;
        var span = Width - Right - Left;
        return Enumerable.Range(0, n)
            .Select(i => (n == 1 ? Left + (span / 2) : Left + (i * span / (n - 1)), scale.Map(i < series.Values.Count ? series.Values[i] : 0)))
            .ToList();
    }

    public static LinearScale ValueScale(Chart chart) =>
        new(chart.Series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max(), Top + LineHeight, Top);

    private static void DrawBars(XElement svg, Chart chart)
    {
        var bars = Bars(chart, out var scale);
        var axisY = Top + (chart.Categories.Count * BarRow);
        foreach (var tick in scale.Ticks)
        {
            var x = scale.Map(tick);
            svg.Add(Line(x, Top, x, axisY, ChartColours.LightGrey), Text(x, axisY + 18, N(tick), "middle"));
        }

        for (var i = 0; i < bars.Count; i++)
        {
            var (x, y, w, h) = bars[i];
            svg.Add(
                Text(x, y - 6, chart.Categories[i], "start"),
                new XElement(Svg + "rect", new XAttribute("x", N(x)), new XAttribute("y", N(y)), new XAttribute("width", N(w)),
                    new XAttribute("height", N(h)), new XAttribute("fill", chart.Series[0].Colour)),
                Text(x + w + 4, y + (h / 2) + 5, N(i < chart.Series[0].Values.Count ? chart.Series[0].Values[i] : 0), "start"));
        }
    }

    private static void DrawLines(XElement svg, Chart chart, double height)
    {
        var scale = ValueScale(chart);
        var axisY = Top + LineHeight;
        foreach (var tick in scale.Ticks)
        {
            var y = scale.Map(tick);
            svg.Add(Line(Left, y, Width - Right, y, ChartColours.LightGrey), Text(Left - 8, y + 5, N(tick), "end"));
        }

        var first = Points(chart, chart.Series[0], scale);
        svg.Add(Text(first[0].X, axisY + 20, chart.Categories[0], first.Count == 1 ? "middle" : "start"));
        if (first.Count > 1)
        {
            svg.Add(Text(first[^1].X, axisY + 20, chart.Categories[^1], "end"));
        }

        for (var s = 0; s < chart.Series.Count; s++)
        {
            var series = chart.Series[s];
            var points = Points(chart, series, scale);
            svg.Add(new XElement(Svg + "polyline",
                new XAttribute("points", string.Join(" ", points.Select(p => $"{N(p.X)},{N(p.Y)}"))),
                new XAttribute("fill", "none"), new XAttribute("stroke", series.Colour), new XAttribute("stroke-width", "3")));
            foreach (var (x, y) in points.Count == 1 ? points : [])
            {
                svg.Add(new XElement(Svg + "circle", new XAttribute("cx", N(x)), new XAttribute("cy", N(y)), new XAttribute("r", "5"),
                    new XAttribute("fill", series.Colour)));
            }

            // The key, under the axis: a swatch and the series' name.
            var keyY = axisY + AxisSpace + (s * 20);
            svg.Add(
                new XElement(Svg + "rect", new XAttribute("x", N(Left)), new XAttribute("y", N(keyY - 10)), new XAttribute("width", "14"),
                    new XAttribute("height", "14"), new XAttribute("fill", series.Colour)),
                Text(Left + 20, keyY + 2, series.Name, "start"));
        }

        _ = height;
    }

    private static XElement Line(double x1, double y1, double x2, double y2, string colour) =>
        new(Svg + "line", new XAttribute("x1", N(x1)), new XAttribute("y1", N(y1)), new XAttribute("x2", N(x2)), new XAttribute("y2", N(y2)),
            new XAttribute("stroke", colour), new XAttribute("stroke-width", "1"));

    private static XElement Text(double x, double y, string text, string anchor) =>
        new(Svg + "text", new XAttribute("x", N(x)), new XAttribute("y", N(y)), new XAttribute("text-anchor", anchor),
            new XAttribute("font-size", "14"), new XAttribute("fill", "#0b0c0c"), new XAttribute("font-family", "GDS Transport, arial, sans-serif"), text);

    private static string N(double value) => Math.Round(value, 2).ToString(CultureInfo.InvariantCulture);
}
