using Microsoft.AspNetCore.Mvc;
using Tracking.Web.Api;

namespace Tracking.Web.Pages.Recommendations;

/// <summary>Downloads an evidence file through the API, so the person's own permission decides (planners get a 403 there).</summary>
public sealed class EvidenceFileModel(TrackingApi api) : PortalPage
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid evidenceId, Guid fileId)
    {
        var answer = await api.EvidenceFile(id, evidenceId, fileId);
        if (!answer.IsSuccessStatusCode)
        {
            answer.Dispose();
            return PageNotFound();
        }

        HttpContext.Response.RegisterForDispose(answer);
        var name = answer.Content.Headers.ContentDisposition?.FileNameStar ?? answer.Content.Headers.ContentDisposition?.FileName?.Trim('"') ?? "evidence";
        return File(await answer.Content.ReadAsStreamAsync(), answer.Content.Headers.ContentType?.ToString() ?? "application/octet-stream", name);
    }
}
