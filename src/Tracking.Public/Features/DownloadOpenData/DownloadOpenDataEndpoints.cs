using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tracking.Public.Http;
using Tracking.ServiceDefaults.OpenApi;

namespace Tracking.Public.Features.DownloadOpenData;

/// <summary>Open data: every published recommendation with its provider and inspection, as CSV and JSON, with documented schemas.</summary>
internal static class DownloadOpenDataEndpoints
{
    public static RouteGroupBuilder MapDownloadOpenData(this RouteGroupBuilder group)
    {
        group.MapGet("/open-data/recommendations.csv", ([AsParameters] PublicFilterParameters parameters, PublicReads reads, HttpContext http, CancellationToken ct) =>
                Download(parameters, reads, http, "csv", ct))
            .AllowAnonymous()
            .WithName("DownloadPublicRecommendationsCsv")
            .WithSummary("Every published recommendation the filters match, one CSV row each (schema: docs/open-data/recommendations.csv.schema.json)")
            .DescribeQuery(PublicFilterParameters.Docs)
            .ProducesFile("The recommendations as CSV (UTF-8, RFC 4180), one header line.", "text/csv")
            .Produces(StatusCodes.Status304NotModified)
            .CachedForEveryone()
            .ProducesValidationProblem();

        group.MapGet("/open-data/recommendations.json", ([AsParameters] PublicFilterParameters parameters, PublicReads reads, HttpContext http, CancellationToken ct) =>
                Download(parameters, reads, http, "json", ct))
            .AllowAnonymous()
            .WithName("DownloadPublicRecommendationsJson")
            .WithSummary("The inspections and recommendations the filters match, as JSON (schema: docs/open-data/recommendations.schema.json)")
            .DescribeQuery(PublicFilterParameters.Docs)
            .Produces<OpenData>()
            .Produces(StatusCodes.Status304NotModified)
            .CachedForEveryone()
            .ProducesValidationProblem();
        return group;
    }

    private static async Task<IResult> Download([AsParameters] PublicFilterParameters parameters, PublicReads reads, HttpContext http, string format, CancellationToken ct)
    {
        var validation = parameters.Read(out var filter);
        if (!validation.IsValid)
        {
            return Results.ValidationProblem(validation.Errors);
        }

        var data = await reads.OpenData(filter, ct);
        var fileName = $"inspection-recommendations.{format}";
        return format == "csv"
            ? PublicAnswers.Bytes(http, OpenDataCsv.Write(data.Value.Recommendations), "text/csv; charset=utf-8", data.LastModified, fileName)
            : PublicAnswers.Json(http, data.Value, data.LastModified, fileName);
    }
}
