using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tracking.Web.Api;
using Tracking.Web.Forms;
using Tracking.Web.SignIn;

namespace Tracking.Web.Pages.Inspections;

/// <summary>One inspection with its ratings and recommendations; a draft can be published with a publication date.</summary>
[Authorize(Policy = PortalSignIn.Inspector)]
public sealed class ShowModel(TrackingApi api) : PortalPage
{
    [FromRoute]
    public Guid Id { get; set; }

    public InspectionView? Inspection { get; private set; }

    [BindProperty]
    public DateInput PublishedOn { get; set; } = new();

    public async Task<IActionResult> OnGetAsync() => await Load() ? Page() : PageNotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await Load())
        {
            return PageNotFound();
        }

        ModelState.Clear();
        var (publishedOn, error) = PublishedOn.Read("the publication date", required: true);
        if (error is not null)
        {
            ModelState.AddModelError(nameof(PublishedOn), error);
            return Page();
        }

        var result = await api.PublishInspection(Id, publishedOn);
        return result.Succeeded ? Redirect($"/inspections/{Id}") : ShowProblem(result, new Dictionary<string, string> { ["publishedOn"] = nameof(PublishedOn) });
    }

    private async Task<bool> Load()
    {
        var found = await api.Inspection(Id);
        Inspection = found.Value;
        return found.Succeeded;
    }
}
