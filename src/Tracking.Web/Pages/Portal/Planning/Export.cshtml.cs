using Microsoft.AspNetCore.Mvc;
using Tracking.Web.Api;

namespace Tracking.Web.Pages.Planning;

/// <summary>The outstanding list's CSV or Excel export for the same filters, fetched from the API with the person's token.</summary>
public sealed class ExportModel(PlanningApi api) : PlanningPage
{
    public async Task<IActionResult> OnGetAsync(string format)
    {
        var query = Request.QueryString.Value ?? "";
        var answer = await api.Download($"api/planning/outstanding/export.{format}{query}");
        if (!answer.IsSuccessStatusCode)
        {
            answer.Dispose();
            return PageNotFound();
        }

        HttpContext.Response.RegisterForDispose(answer);
        var name = answer.Content.Headers.ContentDisposition?.FileNameStar ?? answer.Content.Headers.ContentDisposition?.FileName?.Trim('"') ?? $"outstanding.{format}";
        return File(await answer.Content.ReadAsStreamAsync(), answer.Content.Headers.ContentType?.ToString() ?? "application/octet-stream", name);
    }
}
