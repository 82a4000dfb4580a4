using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tracking.Identity.Audit;
using Tracking.Identity.People;

namespace Tracking.Identity.Pages.Account;

/// <summary>/account/reset-password/{id}?code=…: the e-mailed link; Identity's token is single use (the security stamp changes).</summary>
public sealed class ChoosePasswordModel(UserManager<Person> users, AuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public bool Done { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), "Enter a password");
        }
        else if (Password != ConfirmPassword)
        {
            ModelState.AddModelError(nameof(ConfirmPassword), "Enter the same password twice");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var person = await users.FindByIdAsync(id);
        var result = person is { Active: true } && Code is not null
            ? await users.ResetPasswordAsync(person, Code, Password!)
            : IdentityResult.Failed(users.ErrorDescriber.InvalidToken());
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(nameof(Password), error.Code == nameof(IdentityErrorDescriber.InvalidToken)
                    ? "This reset link has expired or been used. Ask for a new one"
                    : error.Description.TrimEnd('.'));
            }

            return Page();
        }

        // A person locked out by failures who proves they hold the mailbox may sign in again at once.
        await users.SetLockoutEndDateAsync(person!, null);
        await users.ResetAccessFailedCountAsync(person!);
        await audit.Write(AuditActions.PasswordReset, person!.Id, person.Id, person.Email);
        Done = true;
        return Page();
    }
}
