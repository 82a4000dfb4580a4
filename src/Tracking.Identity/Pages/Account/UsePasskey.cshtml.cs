using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging;
using Tracking.Identity.Audit;
using Tracking.Identity.People;
using Tracking.Identity.TwoFactor;

namespace Tracking.Identity.Pages.Account;

/// <summary>
/// /account/use-passkey: the second step after a correct password for a person whose role needs one and whose only
/// second factor is a passkey. The passkey must be one of theirs; a refused one counts towards lockout like a wrong code.
/// No authenticator app can be set up from here: with only a password checked, that would let a password alone in.
/// </summary>
public sealed class UsePasskeyModel(SignInManager<Person> signIn, UserManager<Person> people, AuditLog audit, ILogger<UsePasskeyModel> logger) : PageModel
{
    private const string Refused = "Your passkey was not accepted. Try again and follow what your browser or device asks you to do";

    /// <summary>The browser's answer to navigator.credentials.get(), as JSON.</summary>
    [BindProperty]
    public string? Credential { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() => await PasswordChecked.Who(HttpContext) is null ? ToSignIn() : Page();

    /// <summary>WebAuthn request options bound to this person, so the browser offers only their passkeys.</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync() => await PasswordChecked.Who(HttpContext) is { } person
        ? Content(await signIn.MakePasskeyRequestOptionsAsync(person), "application/json")
        : Unauthorized();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await PasswordChecked.Who(HttpContext) is not { } person)
        {
            return ToSignIn();
        }

        if (await people.IsLockedOutAsync(person))
        {
            return await LockedOut(person);
        }

        var assertion = string.IsNullOrEmpty(Credential) ? null : await signIn.PerformPasskeyAssertionAsync(Credential);
        if (assertion is not { Succeeded: true } || assertion.User.Id != person.Id)
        {
            logger.LogWarning("Passkey second step refused for {Person}: {Reason}", person.Id, assertion?.Failure?.Message ?? (assertion is null ? "the browser sent no passkey" : "someone else's passkey"));
            await people.AccessFailedAsync(person);
            if (await people.IsLockedOutAsync(person))
            {
                return await LockedOut(person);
            }

            await audit.Write(AuditActions.SignInFailed, "anonymous", person.Id, person.Email, "passkey not accepted as second step");
            ModelState.AddModelError("Passkey", Refused);
            return Page();
        }

        // The sign count the authenticator reported is kept, so a cloned passkey can be noticed.
        await people.AddOrUpdatePasskeyAsync(person, assertion.Passkey);
        await people.ResetAccessFailedCountAsync(person);
        await PasswordChecked.Forget(HttpContext);
        await signIn.SignInWithClaimsAsync(person, isPersistent: false, [new Claim("amr", "pwd"), new Claim("amr", "mfa")]);
        await audit.Write(AuditActions.SignIn, person.Id, person.Id, person.Email, "with password and passkey");
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }

    private async Task<PageResult> LockedOut(Person person)
    {
        await audit.Write(AuditActions.LockedOut, "anonymous", person.Id, person.Email, "passkey second step");
        ModelState.AddModelError("Passkey", "You have entered the wrong details too many times. Try again in 15 minutes");
        return Page();
    }

    private RedirectResult ToSignIn() =>
        Redirect("/account/sign-in" + (ReturnUrl is null ? "" : "?ReturnUrl=" + Uri.EscapeDataString(ReturnUrl)));
}
