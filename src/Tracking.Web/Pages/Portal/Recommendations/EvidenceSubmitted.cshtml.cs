using Microsoft.AspNetCore.Mvc;
using Tracking.Web.Api;

namespace Tracking.Web.Pages.Recommendations;

public sealed class EvidenceSubmittedModel(TrackingApi api) : PortalPage
{
    [FromRoute]
    public Guid Id { get; set; }

    public int Number { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var detail = await api.Recommendation(Id);
        if (!detail.Succeeded)
        {
            return PageNotFound();
        }

        Number = detail.Value!.Number;
        return Page();
    }
}
