using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tracking.Identity.People;

namespace Tracking.Identity.Pages.Account;

/// <summary>/account/sign-in: e-mail and password against ASP.NET Identity; failures count towards lockout.</summary>
public sealed class SignInModel(SignInManager<Person> signIn, UserManager<Person> people) : PageModel
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
            return Refused("Enter a correct email address and password");
        }

        var result = await signIn.PasswordSignInAsync(person, Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            return Refused("You have entered the wrong details too many times. Try again in 15 minutes");
        }

        if (!result.Succeeded)
        {
            return Refused("Enter a correct email address and password");
        }

        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }

    private PageResult Refused(string message)
    {
        // One message for an unknown address and a wrong password, so the page does not reveal who has an account.
        ModelState.AddModelError(nameof(Email), message);
        return Page();
    }
}
