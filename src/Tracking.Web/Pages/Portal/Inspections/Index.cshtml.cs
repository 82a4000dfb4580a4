using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tracking.Web.Api;
using Tracking.Web.SignIn;

namespace Tracking.Web.Pages.Inspections;

/// <summary>The inspectorate's inspections: drafts to finish and publish, and those published.</summary>
[Authorize(Policy = PortalSignIn.Inspector)]
public sealed class IndexModel(TrackingApi api) : PortalPage
{
    public IReadOnlyList<InspectionSummary> Inspections { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        Inspections = (await api.Inspections()).Value ?? [];
        return Page();
    }
}
