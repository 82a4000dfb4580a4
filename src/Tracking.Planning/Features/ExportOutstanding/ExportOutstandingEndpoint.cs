using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Tracking.Planning.Data;
using Tracking.Planning.Features.ViewOutstanding;
using Tracking.ServiceDefaults.Security;
using Tracking.ServiceDefaults.OpenApi;

namespace Tracking.Planning.Features.ExportOutstanding;

public static class ExportOutstandingEndpoint
{
    /// <summary>More than this is refused: narrow the filters instead. Spreadsheets slow down badly well before Excel's own limit.</summary>
    public const int MaxRows = 100_000;

    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static RouteGroupBuilder MapExportOutstanding(this RouteGroupBuilder planning)
    {
        planning.MapGet("/outstanding/export.csv", (
                [AsParameters] OutstandingParameters parameters, PlanningDbContext db, CurrentUser user, [FromServices] TimeProvider clock,
                CancellationToken ct) => Export(parameters, db, user, clock, "csv", ct))
            .RequireAuthorization(TrackingPolicies.ReadPlanning)
            .WithName("ExportOutstandingCsv")
            .WithSummary($"The outstanding list with the same filters and sort, every matching row (at most {MaxRows:N0}) as CSV; dates dd/MM/yyyy")
            .DescribeQuery(OutstandingParametersDocs.Filters)
            .ProducesFile("The rows as CSV (UTF-8), one header line.", "text/csv")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status400BadRequest);

        planning.MapGet("/outstanding/export.xlsx", (
                [AsParameters] OutstandingParameters parameters, PlanningDbContext db, CurrentUser user, [FromServices] TimeProvider clock,
                CancellationToken ct) => Export(parameters, db, user, clock, "xlsx", ct))
            .RequireAuthorization(TrackingPolicies.ReadPlanning)
            .WithName("ExportOutstandingXlsx")
            .WithSummary($"The outstanding list with the same filters and sort, every matching row (at most {MaxRows:N0}) as an Excel workbook")
            .DescribeQuery(OutstandingParametersDocs.Filters)
            .ProducesFile("The rows as an Excel workbook.", XlsxType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return planning;
    }

    private static async Task<IResult> Export(
        OutstandingParameters parameters, PlanningDbContext db, CurrentUser user, TimeProvider clock, string format, CancellationToken ct)
    {
        var validation = parameters.Read(user.VisibleProviders, out var filter, out var sort);
        if (!validation.IsValid)
        {
            return Results.ValidationProblem(validation.Errors);
        }

        var count = await OutstandingQuery.Count(db, filter, clock, ct);
        if (count > MaxRows)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Too many rows to export",
                detail: $"{count:N0} recommendations match; an export holds at most {MaxRows:N0}. Narrow the filters (region, provider, standard, status).");
        }

        var fileName = $"outstanding-recommendations-{UkCalendar.Today(clock):yyyy-MM-dd}.{format}";
        var rows = OutstandingQuery.Stream(db, filter, sort, clock, ct);
        return format == "csv"
            ? Results.Stream(output => OutstandingCsv.Write(output, rows, ct), "text/csv; charset=utf-8", fileName)
            : Results.File(await OutstandingXlsx.Write(rows, ct), XlsxType, fileName);
    }
}
