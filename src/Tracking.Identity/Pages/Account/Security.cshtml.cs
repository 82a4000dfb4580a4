using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tracking.Identity.Audit;
using Tracking.Identity.People;
using Tracking.Identity.TwoFactor;

namespace Tracking.Identity.Pages.Account;

/// <summary>
/// /account/security: set up an authenticator app (the key as text and an otpauth URI), prove it with a code, and
/// get recovery codes shown once. People whose role requires a second factor are sent here until they have one.
/// Passkeys (ASP.NET Identity's own WebAuthn support) are added here too; that part needs JavaScript.
/// </summary>
public sealed class SecurityModel(UserManager<Person> users, SignInManager<Person> signIn, AuditLog audit, ILogger<SecurityModel> logger) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The browser's answer to navigator.credentials.create(), as JSON.</summary>
    [BindProperty]
    public string? Credential { get; set; }

    public IReadOnlyList<UserPasskeyInfo> Passkeys { get; private set; } = [];

    public bool PasskeyAdded { get; private set; }

    public string Email { get; private set; } = "";

    public bool Enabled { get; private set; }

    public bool Required { get; private set; }

    public string Key { get; private set; } = "";

    public string KeyUri { get; private set; } = "";

    /// <summary>Shown once, just after set-up or renewal.</summary>
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public string ContinueTo => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";

    public async Task<IActionResult> OnGetAsync() => await Me() is { } person ? await Show(person) : ToSignIn();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await Me() is not { } person)
        {
            return ToSignIn();
        }

        var code = AuthenticatorUri.Clean(Code);
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(Code), "Enter the 6-digit code from your authenticator app");
        }
        else if (!await users.VerifyTwoFactorTokenAsync(person, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), "The code is not correct. Enter the code your authenticator app shows now");
        }

        if (!ModelState.IsValid)
        {
            return await Show(person);
        }

        await users.SetTwoFactorEnabledAsync(person, true);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(person, 10))?.ToList() ?? [];
        await audit.Write(AuditActions.TwoFactorEnabled, person.Id, person.Id, person.Email, "authenticator app");
        // Both changed the security stamp; a fresh cookie keeps them signed in.
        await RefreshCookie(person);
        return await Show(person);
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        if (await Me() is not { } person)
        {
            return ToSignIn();
        }

        if (person.TwoFactorEnabled)
        {
            RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(person, 10))?.ToList() ?? [];
            await audit.Write(AuditActions.TwoFactorEnabled, person.Id, person.Id, person.Email, "new recovery codes");
            await RefreshCookie(person);
        }

        return await Show(person);
    }

    /// <summary>The WebAuthn creation options for this person; the page's script passes them to the browser.</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync()
    {
        if (await Me() is not { } person)
        {
            return Unauthorized();
        }

        var options = await signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity { Id = person.Id, Name = person.Email ?? person.Id, DisplayName = person.Name });
        return Content(options, "application/json");
    }

    public async Task<IActionResult> OnPostAddPasskeyAsync()
    {
        if (await Me() is not { } person)
        {
            return ToSignIn();
        }

        var attestation = string.IsNullOrEmpty(Credential) ? null : await signIn.PerformPasskeyAttestationAsync(Credential);
        if (attestation is not { Succeeded: true })
        {
            logger.LogWarning("Passkey not added for {Person}: {Reason}", person.Id, attestation?.Failure?.Message ?? "the browser sent no passkey");
            ModelState.AddModelError("Passkey", "Your passkey was not added. Try again and follow what your browser or device asks you to do");
            return await Show(person);
        }

        attestation.Passkey.Name = $"Passkey {(await users.GetPasskeysAsync(person)).Count + 1}";
        var added = await users.AddOrUpdatePasskeyAsync(person, attestation.Passkey);
        if (!added.Succeeded)
        {
            ModelState.AddModelError("Passkey", "Your passkey was not added. Try again and follow what your browser or device asks you to do");
            return await Show(person);
        }

        await audit.Write(AuditActions.PasskeyAdded, person.Id, person.Id, person.Email, attestation.Passkey.Name);
        await RefreshCookie(person);
        PasskeyAdded = true;
        return await Show(person);
    }

    private async Task<PageResult> Show(Person person)
    {
        Passkeys = [.. await users.GetPasskeysAsync(person)];
        Email = person.Email ?? "";
        Enabled = person.TwoFactorEnabled;
        Required = HttpContext.RequestServices.GetRequiredService<MfaPolicy>().Requires(person);
        if (!Enabled)
        {
            var key = await users.GetAuthenticatorKeyAsync(person);
            if (string.IsNullOrEmpty(key))
            {
                await users.ResetAuthenticatorKeyAsync(person);
                await RefreshCookie(person);
                key = await users.GetAuthenticatorKeyAsync(person);
            }

            Key = AuthenticatorUri.Grouped(key!);
            KeyUri = AuthenticatorUri.For(Email, key!);
        }

        return Page();
    }

    /// <summary>
    /// A new cookie after the security stamp changed, leaving this request's user as it was: the forms this answer
    /// renders get antiforgery tokens for that user (anonymous to the default scheme), and their posts must match it.
    /// </summary>
    private async Task RefreshCookie(Person person)
    {
        var user = HttpContext.User;
        await signIn.RefreshSignInAsync(person);
        HttpContext.User = user;
    }

    private async Task<Person?> Me()
    {
        var cookie = await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        return cookie.Succeeded ? await users.GetUserAsync(cookie.Principal) is { Active: true } person ? person : null : null;
    }

    private RedirectResult ToSignIn() =>
        Redirect("/account/sign-in?ReturnUrl=" + Uri.EscapeDataString("/account/security" + (ReturnUrl is null ? "" : "?ReturnUrl=" + Uri.EscapeDataString(ReturnUrl))));
}
