using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tracking.Identity.Audit;
using Microsoft.Extensions.DependencyInjection;
using Tracking.Identity.People;
using Tracking.Identity.TwoFactor;

namespace Tracking.Identity.Pages.Account;

/// <summary>/account/sign-in: e-mail and password against ASP.NET Identity; failures count towards lockout.</summary>
public sealed class SignInModel(SignInManager<Person> signIn, UserManager<Person> people, AuditLog audit) : PageModel
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

        var result = await signIn.PasswordSignInAsync(person, Password!, isPersistent: false, lockoutOnFailure: true);
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

        await audit.Write(AuditActions.SignIn, person.Id, person.Id, Email);
        return HttpContext.RequestServices.GetRequiredService<MfaPolicy>().MustSetUp(person)
            ? RedirectToPage("Security", new { ReturnUrl = Next })
            : LocalRedirect(Next);
    }

    private string Next => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";

    private PageResult Refused(string message)
    {
        // One message for an unknown address and a wrong password, so the page does not reveal who has an account.
        ModelState.AddModelError(nameof(Email), message);
        return Page();
    }
}
