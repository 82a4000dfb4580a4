using Tracking.Planning.Features.ViewOutstanding;

namespace Tracking.Planning.Features.ExportOutstanding;

/// <summary>One column of the outstanding export; the value is a string, int, bool or nullable day, laid out per format.</summary>
public sealed record ExportColumn(string Header, Func<OutstandingRow, object?> Value);

/// <summary>The columns both the CSV and the XLSX export carry, in order, under one header row.</summary>
public static class OutstandingExportColumns
{
    public const string UkDate = "dd/MM/yyyy";

    public static readonly IReadOnlyList<ExportColumn> All =
    [
        new("Provider", r => r.Provider.Name),
        new("Provider id", r => r.Provider.Id),
        new("Region", r => r.Provider.Region),
        new("Published", r => r.PublishedOn),
        new("Number", r => r.Number),
        new("Recommendation", r => r.Text),
        new("Status", r => r.Status),
        new("Standards", r => string.Join("; ", r.LinkedStandards)),
        new("Addressees", r => string.Join("; ", r.Addressees)),
        new("Next due", r => r.NextDueOn),
        new("Overdue", r => r.Overdue),
        new("Days overdue", r => r.DaysOverdue),
        new("Escalated", r => r.Escalated),
        new("Last evidence", r => r.LastEvidenceOn),
        new("Last progress judgement", r => r.LastProgressJudgement),
        new("Open actions", r => r.OpenActions),
        new("Evidence awaiting review", r => r.EvidenceAwaitingReview),
        new("Recommendation id", r => r.RecommendationId.ToString()),
    ];
}
