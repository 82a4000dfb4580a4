using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tracking.Public.Features;

namespace Tracking.Public.Pages.Public;

[AllowAnonymous]
public sealed class ProviderModel : PublicPage
{
    public PublicProviderView Provider { get; private set; } = null!;

    public async Task<IActionResult> OnGet(string providerId, CancellationToken ct)
    {
        if (Reads is not { } reads || await reads.Provider(providerId, ct) is not { } provider)
        {
            return Missing();
        }

        Provider = provider.Value;
        return Page();
    }
}
