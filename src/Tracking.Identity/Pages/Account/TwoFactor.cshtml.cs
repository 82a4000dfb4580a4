using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tracking.Identity.Audit;
using Tracking.Identity.People;
using Tracking.Identity.TwoFactor;

namespace Tracking.Identity.Pages.Account;

/// <summary>
/// /account/two-factor: after a correct password, the code from the authenticator app (or one recovery code).
/// Wrong codes count towards lockout like wrong passwords.
/// </summary>
public sealed class TwoFactorModel(SignInManager<Person> signIn, AuditLog audit) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? RecoveryCode { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToSignIn() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } person)
        {
            return RedirectToSignIn();
        }

        var code = AuthenticatorUri.Clean(Code);
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(Code), "Enter the 6-digit code from your authenticator app");
            return Page();
        }

        return await Outcome(person, await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false), nameof(Code),
            "The code is not correct. Enter the code your authenticator app shows now");
    }

    public async Task<IActionResult> OnPostRecoveryAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } person)
        {
            return RedirectToSignIn();
        }

        // Recovery codes keep their hyphen (xxxxx-xxxxx); only stray spaces go.
        var code = (RecoveryCode ?? "").Replace(" ", "", StringComparison.Ordinal);
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(RecoveryCode), "Enter one of your recovery codes");
            return Page();
        }

        return await Outcome(person, await signIn.TwoFactorRecoveryCodeSignInAsync(code), nameof(RecoveryCode),
            "The recovery code is not correct, or has been used");
    }

    private async Task<IActionResult> Outcome(Person person, Microsoft.AspNetCore.Identity.SignInResult result, string field, string wrong)
    {
        if (result.Succeeded)
        {
            await audit.Write(AuditActions.SignIn, person.Id, person.Id, person.Email, field == nameof(Code) ? "with authenticator app" : "with a recovery code");
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        if (result.IsLockedOut)
        {
            await audit.Write(AuditActions.LockedOut, "anonymous", person.Id, person.Email, "second factor");
            ModelState.AddModelError(field, "You have entered the wrong details too many times. Try again in 15 minutes");
            return Page();
        }

        await audit.Write(AuditActions.SignInFailed, "anonymous", person.Id, person.Email, "wrong second factor");
        ModelState.AddModelError(field, wrong);
        return Page();
    }

    private RedirectResult RedirectToSignIn() =>
        Redirect("/account/sign-in" + (ReturnUrl is null ? "" : "?ReturnUrl=" + Uri.EscapeDataString(ReturnUrl)));
}
