using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tracking.Benchmarks;

/// <summary>One row of the output: a figure, what it is compared with, and the target it is held to.</summary>
/// <param name="Met">True/false when there is a target and a figure; null when not applicable or not measured.</param>
public sealed record ResultRow(
    string Measure,
    string Figure,
    string Baseline,
    string Ratio,
    string Target,
    bool? Met,
    double? Value = null,
    double? BaselineValue = null,
    double? RatioValue = null,
    string? Unit = null,
    string? Note = null)
{
    public static ResultRow NotMeasured(string measure, string why, string target = "") =>
        new(measure, $"not measured ({why})", "", "", target, null);
}

public sealed class ResultTable
{
    private static readonly string[] Headers = ["measure", "figure", "baseline", "ratio", "target", "met"];

    private readonly List<ResultRow> _rows = [];

    public IReadOnlyList<ResultRow> Rows => _rows;

    public void Add(ResultRow row)
    {
        _rows.Add(row);
        Console.WriteLine($"  → {row.Measure}: {row.Figure}{(row.Ratio.Length > 0 ? $" (ratio {row.Ratio})" : "")}");
    }

    public string Render()
    {
        var cells = _rows.Select(r => new[] { r.Measure, r.Figure, r.Baseline, r.Ratio, r.Target, Met(r.Met) }).ToList();
        var widths = Headers.Select((h, i) => Math.Max(h.Length, cells.Count == 0 ? 0 : cells.Max(c => c[i].Length))).ToArray();
        var text = new StringBuilder();
        void Line(IReadOnlyList<string> values) =>
            text.AppendLine("| " + string.Join(" | ", values.Select((v, i) => v.PadRight(widths[i]))) + " |");
        Line(Headers);
        text.AppendLine("|" + string.Join("|", widths.Select(w => new string('-', w + 2))) + "|");
        cells.ForEach(Line);
        var notes = _rows.Where(r => r.Note is not null).ToList();
        if (notes.Count > 0)
        {
            text.AppendLine();
            foreach (var row in notes)
            {
                text.AppendLine($"- {row.Measure}: {row.Note}");
            }
        }

        return text.ToString();
    }

    public async Task WriteJson(string path, BenchmarkOptions options, DateTimeOffset startedAt)
    {
        var document = new
        {
            startedAt,
            finishedAt = DateTimeOffset.UtcNow,
            machine = new { Environment.MachineName, Environment.ProcessorCount, os = Environment.OSVersion.VersionString, dotnet = Environment.Version.ToString() },
            settings = options.ToString(),
            columns = Headers,
            rows = _rows,
        };
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await File.WriteAllTextAsync(full, JsonSerializer.Serialize(document, new JsonSerializerOptions
        {
            WriteIndented = true,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // A ratio over a figure of zero is infinite; the file must still be written.
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        }));
        Console.WriteLine($"results written to {full}");
    }

    private static string Met(bool? met) => met switch { true => "yes", false => "no", null => "" };

    public static string F(double value, string format = "0.#") => value.ToString(format, CultureInfo.InvariantCulture);
}
