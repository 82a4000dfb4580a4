using Microsoft.AspNetCore.Mvc;
using Tracking.Web.Api;

namespace Tracking.Web.Pages.Planning.Reinspections;

/// <summary>A plan's checklist as CSV or Excel, fetched from the API with the person's token.</summary>
public sealed class ChecklistExportModel(PlanningApi api) : PlanningPage
{
    public async Task<IActionResult> OnGetAsync(Guid id, string format)
    {
        var answer = await api.Download($"api/planning/reinspections/{id}/checklist.{format}");
        if (!answer.IsSuccessStatusCode)
        {
            answer.Dispose();
            return PageNotFound();
        }

        HttpContext.Response.RegisterForDispose(answer);
        var name = answer.Content.Headers.ContentDisposition?.FileNameStar ?? answer.Content.Headers.ContentDisposition?.FileName?.Trim('"') ?? $"checklist.{format}";
        return File(await answer.Content.ReadAsStreamAsync(), answer.Content.Headers.ContentType?.ToString() ?? "application/octet-stream", name);
    }
}
