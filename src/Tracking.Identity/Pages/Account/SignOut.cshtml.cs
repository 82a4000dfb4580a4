using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tracking.Identity.People;

namespace Tracking.Identity.Pages.Account;

/// <summary>/account/sign-out: a confirmation page (GET) and the sign-out itself (POST, antiforgery-checked).</summary>
public sealed class SignOutModel(SignInManager<Person> signIn) : PageModel
{
    public bool SignedOut { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        SignedOut = true;
        return Page();
    }
}
