using System.Globalization;
using CsvHelper;

namespace Tracking.Public.Features.DownloadOpenData;

/// <summary>
/// The open data's recommendations as CSV: the columns docs/open-data/recommendations.csv.schema.json names, ISO dates,
/// lists joined with "; ", empty for nothing; a leading = + - @ is escaped so spreadsheets do not run it.
/// </summary>
internal static class OpenDataCsv
{
    public static readonly string[] Columns =
    [
        "providerId", "providerName", "region", "inspectionId", "inspectionTitle", "inspectionPublishedOn", "overallRating",
        "recommendationId", "number", "text", "addressees", "linkedStandards", "status", "responseCategory", "respondedOn",
        "targetDate", "closedOn", "latestProgressJudgement", "lastChangedAt",
    ];

    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        // A cell starting =, +, - or @ would run as a formula when the file is opened in a spreadsheet.
        Injection = CsvInjection.Escape,

        // Spreadsheets read a file without a byte order mark as the local code page and garble accents.
        WriteByteOrderMark = true,
    };

    public static byte[] Write(IEnumerable<OpenDataRecommendation> rows)
    {
        using var output = new MemoryStream();
        using (var csv = CsvWriter.Create(output, Options, true))
        {
            foreach (var column in Columns)
            {
                csv.WriteField(column);
            }

            csv.EndRecord();
            foreach (var r in rows)
            {
                foreach (var value in Values(r))
                {
                    csv.WriteField(value);
                }

                csv.EndRecord();
            }

            csv.Flush();
        }

        return output.ToArray();
    }

    private static IEnumerable<string> Values(OpenDataRecommendation r) =>
    [
        r.ProviderId, r.ProviderName, r.Region, r.InspectionId.ToString(), r.InspectionTitle, Day(r.InspectionPublishedOn), r.OverallRating,
        r.RecommendationId.ToString(), r.Number.ToString(CultureInfo.InvariantCulture), r.Text, string.Join("; ", r.Addressees),
        string.Join("; ", r.LinkedStandards), r.Status.ToString(), r.ResponseCategory ?? "", Day(r.RespondedOn), Day(r.TargetDate),
        Day(r.ClosedOn), r.LatestProgressJudgement ?? "", r.LastChangedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
    ];

    private static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
