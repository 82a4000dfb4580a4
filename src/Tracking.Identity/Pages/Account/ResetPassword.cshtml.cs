using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Tracking.Identity.Audit;
using Tracking.Identity.Features.ManagePeople;
using Tracking.Identity.People;
using Tracking.Mail;

namespace Tracking.Identity.Pages.Account;

/// <summary>
/// /account/reset-password: asks for an e-mail address and, if an active person has it, mails a reset link. The page
/// says the same whether or not the address has an account, so it cannot be used to find out who has one.
/// </summary>
public sealed class ResetPasswordModel(UserManager<Person> users, IMailSender mail, AuditLog audit) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter your email address")]
    [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.com")]
    public string? Email { get; set; }

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var person = await users.FindByEmailAsync(Email!);
        if (person is { Active: true })
        {
            var token = await users.GeneratePasswordResetTokenAsync(person);
            var link = new Uri(IdentityOrigin.Of(HttpContext),
                QueryHelpers.AddQueryString($"/account/reset-password/{person.Id}", "code", token));
            await mail.SendAsync(new MailMessage(person.Email!, "Reset your password: Track inspection recommendations", $"""
                Dear {person.Name},

                Someone asked to reset the password of your account on Track inspection recommendations.

                Choose a new password here:
                {link}

                If it was not you, ignore this message: your password stays as it is.
                """), ct);
        }

        await audit.Write(AuditActions.PasswordResetRequested, "anonymous", person?.Id, Email);
        Sent = true;
        return Page();
    }
}
