using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tracking.Public.Features;
using Tracking.Public.ReadModel;

namespace Tracking.Public.Pages.Public;

[AllowAnonymous]
public sealed class ProvidersModel : PublicPage
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Standard { get; set; }

    public IReadOnlyList<string> Regions { get; private set; } = [];

    public IReadOnlyList<PublicProviderRow> Found { get; private set; } = [];

    public bool Filtered => Search is not null || Region is not null || Status is not null || Standard is not null;

    public static IReadOnlyList<string> Standards => PublicVocabulary.Standards;

    public static IReadOnlyList<PublicStatus> Statuses => Enum.GetValues<PublicStatus>();

    public async Task<IActionResult> OnGet(CancellationToken ct)
    {
        if (Reads is not { } reads)
        {
            return Missing();
        }

        Regions = await reads.Regions(ct);
        var validation = new PublicFilterParameters(Search, Region, Status, Standard).Read(out var filter);
        foreach (var (field, messages) in validation.Errors)
        {
            foreach (var message in messages)
            {
                ModelState.AddModelError(field, message);
            }
        }

        if (validation.IsValid)
        {
            Found = (await reads.Providers(filter, ct)).Value.Items;
        }

        return Page();
    }
}
