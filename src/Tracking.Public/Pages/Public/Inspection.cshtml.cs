using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tracking.Public.Features;

namespace Tracking.Public.Pages.Public;

[AllowAnonymous]
public sealed class InspectionModel : PublicPage
{
    public PublicInspectionView Inspection { get; private set; } = null!;

    public async Task<IActionResult> OnGet(Guid inspectionId, CancellationToken ct)
    {
        if (Reads is not { } reads || await reads.Inspection(inspectionId, ct) is not { } inspection)
        {
            return Missing();
        }

        Inspection = inspection.Value;
        return Page();
    }
}
