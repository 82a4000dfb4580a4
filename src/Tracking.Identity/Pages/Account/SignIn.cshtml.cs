using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tracking.Identity.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tracking.Identity.People;
using Tracking.Identity.TwoFactor;

namespace Tracking.Identity.Pages.Account;

/// <summary>
/// /account/sign-in: e-mail and password against ASP.NET Identity (failures count towards lockout), or a passkey when
/// the browser runs JavaScript. A passkey is a second factor in itself (the device checks the person), so no code follows.
/// After a password, a person whose role needs a second factor gives their code, or their passkey if that is all they have.
/// </summary>
public sealed class SignInModel(SignInManager<Person> signIn, UserManager<Person> people, AuditLog audit, ILogger<SignInModel> logger) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter your email address")]
    [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.com")]
    public string? Email { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter your password")]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The browser's answer to navigator.credentials.get(), as JSON.</summary>
    [BindProperty]
    public string? Credential { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var person = await people.FindByEmailAsync(Email!);
        if (person is null || !person.Active)
        {
            await audit.Write(AuditActions.SignInFailed, "anonymous", person?.Id, Email, person is null ? "no such person" : $"person is {person.Status}");
            return Refused("Enter a correct email address and password");
        }

        var mfa = HttpContext.RequestServices.GetRequiredService<MfaPolicy>();
        var hasPasskey = await people.HasPasskey(person);
        // Whose only second factor is a passkey: check the password without signing in, then ask for the passkey.
        var asksForPasskey = mfa.AsksForPasskey(person, hasPasskey);
        var result = asksForPasskey
            ? await signIn.CheckPasswordSignInAsync(person, Password!, lockoutOnFailure: true)
            : await signIn.PasswordSignInAsync(person, Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            await audit.Write(AuditActions.LockedOut, "anonymous", person.Id, Email);
            return Refused("You have entered the wrong details too many times. Try again in 15 minutes");
        }

        if (result.RequiresTwoFactor)
        {
            // The password was right: the code is asked next, and the sign-in is written when it succeeds.
            return RedirectToPage("TwoFactor", new { ReturnUrl = Next });
        }

        if (!result.Succeeded)
        {
            await audit.Write(AuditActions.SignInFailed, "anonymous", person.Id, Email, "wrong password");
            return Refused("Enter a correct email address and password");
        }

        if (asksForPasskey)
        {
            // The sign-in is written when the passkey succeeds.
            await PasswordChecked.Remember(HttpContext, person);
            return RedirectToPage("UsePasskey", new { ReturnUrl = Next });
        }

        await audit.Write(AuditActions.SignIn, person.Id, person.Id, Email);
        return mfa.MustSetUp(person, hasPasskey)
            ? RedirectToPage("Security", new { ReturnUrl = Next })
            : LocalRedirect(Next);
    }

    /// <summary>WebAuthn request options for any passkey of this site: the person is not known until the browser answers.</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync() => Content(await signIn.MakePasskeyRequestOptionsAsync(null), "application/json");

    public async Task<IActionResult> OnPostPasskeyAsync()
    {
        // The e-mail and password fields are not part of this form.
        ModelState.Clear();
        var assertion = string.IsNullOrEmpty(Credential) ? null : await signIn.PerformPasskeyAssertionAsync(Credential);
        var person = assertion is { Succeeded: true } ? assertion.User : null;
        if (person is null || !person.Active || await people.IsLockedOutAsync(person))
        {
            logger.LogWarning("Passkey sign-in refused: {Reason}", assertion?.Failure?.Message ?? (assertion is null ? "the browser sent no passkey" : "person inactive or locked out"));
            await audit.Write(AuditActions.SignInFailed, "anonymous", person?.Id, person?.Email,
                person is null ? "passkey not accepted" : person.Active ? "locked out" : $"person is {person.Status}");
            ModelState.AddModelError("Passkey", "Your passkey was not accepted. Try again, or sign in with your email address and password");
            return Page();
        }

        // The sign count the authenticator reported is kept, so a cloned passkey can be noticed.
        await people.AddOrUpdatePasskeyAsync(person, assertion!.Passkey!);
        await signIn.SignInAsync(person, isPersistent: false, authenticationMethod: "passkey");
        await audit.Write(AuditActions.SignIn, person.Id, person.Id, person.Email, "with a passkey");
        return LocalRedirect(Next);
    }

    private string Next => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";

    private PageResult Refused(string message)
    {
        // One message for an unknown address and a wrong password, so the page does not reveal who has an account.
        ModelState.AddModelError(nameof(Email), message);
        return Page();
    }
}
