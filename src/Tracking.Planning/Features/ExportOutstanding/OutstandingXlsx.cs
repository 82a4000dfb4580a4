using ClosedXML.Excel;
using Tracking.Planning.Features.ViewOutstanding;

namespace Tracking.Planning.Features.ExportOutstanding;

public static class OutstandingXlsx
{
    /// <summary>One worksheet: a bold, frozen header row, then one row per recommendation; dates are real dates shown dd/mm/yyyy.</summary>
    public static async Task<byte[]> Write(IAsyncEnumerable<OutstandingRow> rows, CancellationToken ct)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("Outstanding");
        var columns = OutstandingExportColumns.All;
        for (var c = 0; c < columns.Count; c++)
        {
            sheet.Cell(1, c + 1).SetValue(columns[c].Header);
        }

        sheet.Row(1).Style.Font.Bold = true;
        sheet.SheetView.FreezeRows(1);
        var line = 1;
        await foreach (var row in rows.WithCancellation(ct))
        {
            line++;
            for (var c = 0; c < columns.Count; c++)
            {
                Set(sheet.Cell(line, c + 1), columns[c].Value(row));
            }
        }

        sheet.RangeUsed()?.SetAutoFilter();
        using var output = new MemoryStream();
        workbook.SaveAs(output);
        return output.ToArray();
    }

    private static void Set(IXLCell cell, object? value)
    {
        switch (value)
        {
            case null:
                break;
            case DateOnly day:
                cell.SetValue(day.ToDateTime(TimeOnly.MinValue));
                cell.Style.NumberFormat.Format = "dd/mm/yyyy";
                break;
            case int number:
                cell.SetValue(number);
                break;
            case bool yes:
                cell.SetValue(yes ? "Yes" : "No");
                break;

            // SetValue keeps text as text: "2.1" or "0123" must not become numbers.
            default:
                cell.SetValue(value.ToString() ?? "");
                break;
        }
    }
}
