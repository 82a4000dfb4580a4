using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tracking.Contracts;
using Tracking.Identity.Audit;
using Tracking.Identity.Data;
using Tracking.Identity.Invitations;
using Microsoft.Extensions.DependencyInjection;
using Tracking.Identity.People;
using Tracking.Identity.TwoFactor;

namespace Tracking.Identity.Pages.Account;

/// <summary>
/// /account/invitation/{code}: an invited person sets their password. The invitation is used, the person becomes
/// active, PersonActivated is queued and the audit line written, all in the one save that stores the password.
/// </summary>
public sealed class InvitationModel(PeopleDbContext db, UserManager<Person> users, SignInManager<Person> signIn, AuditLog audit,
    TimeProvider clock) : PageModel
{
    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public string? PersonName { get; private set; }

    /// <summary>Why the link cannot be used, when it cannot.</summary>
    public InvitationState? Unusable { get; private set; }

    public bool Completed { get; private set; }

    /// <summary>Their role needs a second factor: set-up comes next, not the service.</summary>
    public bool MfaRequired { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code)
    {
        await Load(code);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code)
    {
        var (invitation, person) = await Load(code);
        if (invitation is null || person is null)
        {
            return Page();
        }

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

        var now = clock.GetUtcNow();
        invitation.Use(now.UtcDateTime);
        person.Status = PersonStatus.Active;
        db.Publish(new PersonActivated(Guid.Parse(person.Id), person.Email!, person.Name, person.Role, person.ProviderId, now), now);
        audit.Add(AuditActions.InvitationAccepted, person.Id, person.Id, person.Email);
        var result = await users.AddPasswordAsync(person, Password!);
        if (!result.Succeeded)
        {
            db.ChangeTracker.Clear();
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(nameof(Password), error.Description.TrimEnd('.'));
            }

            return Page();
        }

        await signIn.SignInAsync(person, isPersistent: false);
        Completed = true;
        MfaRequired = HttpContext.RequestServices.GetRequiredService<MfaPolicy>().MustSetUp(person, await users.HasPasskey(person));
        return Page();
    }

    private async Task<(Invitation? Invitation, Person? Person)> Load(string code)
    {
        var hash = Invitations.Invitation.Hash(code);
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.CodeHash == hash);
        var person = invitation is null ? null : await users.FindByIdAsync(invitation.PersonId);
        PersonName = person?.Name;
        var state = invitation?.StateAt(clock.GetUtcNow().UtcDateTime) ?? InvitationState.Withdrawn;
        if (state == InvitationState.Open && person?.Status != PersonStatus.Invited)
        {
            state = InvitationState.Used;
        }

        Unusable = state == InvitationState.Open ? null : state;
        return Unusable is null ? (invitation, person) : (null, null);
    }
}
