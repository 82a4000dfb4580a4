using System.Globalization;
using ClosedXML.Excel;
using CsvHelper;

namespace Tracking.Planning.Features.PlanReinspection;

/// <summary>
/// A checklist as a table for a spreadsheet: one row per action, or one row for a recommendation with no actions yet,
/// the recommendation's columns repeated so each row can be filtered on its own. Dates read dd/MM/yyyy.
/// </summary>
public static class ChecklistExport
{
    public const string UkDate = "dd/MM/yyyy";

    public static readonly string[] Columns =
    [
        "Recommendation", "Text", "Status", "Linked standards", "Next due", "Action", "Action owner", "Action target date", "Action done",
        "Evidence submitted", "Evidence awaiting review", "Last evidence", "Last review outcome", "Last progress judgement",
    ];

    private enum Cell
    {
        Text,
        Number,
        Date,
    }

    private static readonly Cell[] Kinds =
    [
        Cell.Number, Cell.Text, Cell.Text, Cell.Text, Cell.Date, Cell.Text, Cell.Text, Cell.Date, Cell.Text,
        Cell.Number, Cell.Number, Cell.Date, Cell.Text, Cell.Text,
    ];

    public static IEnumerable<object?[]> Rows(IReadOnlyList<ChecklistItem> checklist)
    {
        foreach (var item in checklist)
        {
            var actions = item.Actions.Count == 0 ? [null] : item.Actions.Cast<ChecklistAction?>();
            foreach (var action in actions)
            {
                yield return
                [
                    item.Number, item.Text, item.Status, string.Join(", ", item.LinkedStandards), item.NextDueOn,
                    action?.Description, action?.OwnerName, action?.TargetDate, action is null ? null : action.Done ? "Yes" : "No",
                    item.Evidence.Submitted, item.Evidence.AwaitingReview, item.Evidence.LastEvidenceOn, item.Evidence.LastOutcome,
                    item.LastProgressJudgement,
                ];
            }
        }
    }

    public static byte[] Csv(IReadOnlyList<ChecklistItem> checklist)
    {
        using var buffer = new MemoryStream();

        // Provider text opens in a spreadsheet: a description starting "=" must stay text, not run as a formula.
        using (var csv = CsvWriter.Create(buffer, new CsvWriterOptions { Injection = CsvInjection.Escape, WriteByteOrderMark = true }, leaveOpen: true))
        {
            csv.WriteHeader(Columns);
            foreach (var row in Rows(checklist))
            {
                csv.WriteRecord(row.Select(Text).ToArray());
            }

            csv.Flush();
        }

        return buffer.ToArray();
    }

    public static byte[] Xlsx(IReadOnlyList<ChecklistItem> checklist, string title)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("Checklist");
        for (var column = 0; column < Columns.Length; column++)
        {
            sheet.Cell(1, column + 1).SetValue(Columns[column]).Style.Font.SetBold();
        }

        var line = 2;
        foreach (var row in Rows(checklist))
        {
            for (var column = 0; column < row.Length; column++)
            {
                Write(sheet.Cell(line, column + 1), row[column], Kinds[column]);
            }

            line++;
        }

        sheet.SheetView.FreezeRows(1);
        sheet.Column(2).Width = 60;
        sheet.Column(6).Width = 50;
        workbook.Properties.Title = title;
        using var buffer = new MemoryStream();
        workbook.SaveAs(buffer);
        return buffer.ToArray();
    }

    private static void Write(IXLCell cell, object? value, Cell kind)
    {
        switch (value)
        {
            case null:
                return;
            case DateOnly date when kind == Cell.Date:
                cell.SetValue(date.ToDateTime(TimeOnly.MinValue));
                cell.Style.DateFormat.Format = "dd/mm/yyyy";
                return;
            case int number when kind == Cell.Number:
                cell.SetValue(number);
                return;
            default:
                // Set as text and kept as text: ClosedXML would otherwise read "01/02" as a date or "=A1" as something else.
                cell.SetValue(Text(value) ?? "");
                cell.DataType = XLDataType.Text;
                return;
        }
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        DateOnly date => date.ToString(UkDate, CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
