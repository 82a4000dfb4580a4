using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tracking.Planning.Data;
using Tracking.ServiceDefaults.Security;
using Tracking.ServiceDefaults.OpenApi;

namespace Tracking.Planning.Features.PlanReinspection;

/// <summary>A plan's checklist to take on the visit, as CSV or as an Excel workbook; the same rows either way.</summary>
public static class ExportChecklistEndpoints
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static RouteGroupBuilder MapExportChecklist(this RouteGroupBuilder planning)
    {
        planning.MapGet("/reinspections/{id:guid}/checklist.csv", (Guid id, PlanningDbContext db, CurrentUser user, TimeProvider clock,
                CancellationToken ct) =>
                Export(db, id, user, clock, "csv", ct, (view, _) => (ChecklistExport.Csv(view.Checklist), "text/csv; charset=utf-8")))
            .RequireAuthorization(TrackingPolicies.ReadPlanning)
            .WithName("ExportChecklistCsv")
            .WithSummary("The plan's checklist as CSV: one row per action, UK dates")
            .ProducesFile("The checklist as CSV (UTF-8), one header line.", "text/csv")
            .ProducesProblem(StatusCodes.Status404NotFound);

        planning.MapGet("/reinspections/{id:guid}/checklist.xlsx", (Guid id, PlanningDbContext db, CurrentUser user, TimeProvider clock,
                CancellationToken ct) =>
                Export(db, id, user, clock, "xlsx", ct, (view, title) => (ChecklistExport.Xlsx(view.Checklist, title), XlsxContentType)))
            .RequireAuthorization(TrackingPolicies.ReadPlanning)
            .WithName("ExportChecklistXlsx")
            .WithSummary("The plan's checklist as an Excel workbook: one row per action, UK dates")
            .ProducesFile("The checklist as an Excel workbook.", XlsxContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return planning;
    }

    private static async Task<IResult> Export(PlanningDbContext db, Guid id, CurrentUser user, TimeProvider clock, string extension,
        CancellationToken ct, Func<ReinspectionPlanView, string, (byte[] Content, string ContentType)> render)
    {
        if (await ReinspectionPlans.Find(db, id, user, ct) is not { } plan)
        {
            return PlanReinspectionEndpoints.NotFound(id);
        }

        var view = await ReinspectionPlans.View(db, plan, clock, ct);
        var title = $"{(view.Provider.Name.Length > 0 ? view.Provider.Name : view.Provider.Id)}: {view.Kind} on {view.PlannedOn:dd/MM/yyyy}";
        var (content, contentType) = render(view, title);
        return Results.File(content, contentType, $"reinspection-{plan.ProviderId}-{plan.PlannedOn:yyyy-MM-dd}-checklist.{extension}");
    }
}
