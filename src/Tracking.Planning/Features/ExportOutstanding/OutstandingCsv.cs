using System.Globalization;
using CsvHelper;
using Tracking.Planning.Features.ViewOutstanding;

namespace Tracking.Planning.Features.ExportOutstanding;

public static class OutstandingCsv
{
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        // A cell starting =, +, - or @ would run as a formula when the file is opened in a spreadsheet.
        Injection = CsvInjection.Escape,

        // Spreadsheets read a file without a byte order mark as the local code page and garble accents.
        WriteByteOrderMark = true,
    };

    /// <summary>Writes the header row, then one line per row as it arrives from the database.</summary>
    public static async Task Write(Stream output, IAsyncEnumerable<OutstandingRow> rows, CancellationToken ct)
    {
        await using var csv = CsvWriter.Create(output, Options, true);
        foreach (var column in OutstandingExportColumns.All)
        {
            csv.WriteField(column.Header);
        }

        await csv.EndRecordAsync(ct);
        await foreach (var row in rows.WithCancellation(ct))
        {
            foreach (var column in OutstandingExportColumns.All)
            {
                csv.WriteField(Text(column.Value(row)));
            }

            await csv.EndRecordAsync(ct);
        }

        await csv.FlushAsync(ct);
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        DateOnly day => day.ToString(OutstandingExportColumns.UkDate, CultureInfo.InvariantCulture),
        bool yes => yes ? "Yes" : "No",
        int number => number.ToString(CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
