using Microsoft.AspNetCore.Mvc;
using Tracking.Identity.Features.ManagePeople;
using Tracking.Identity.People;
using Tracking.ServiceDefaults.Http;

namespace Tracking.Identity.Pages.Admin;

/// <summary>
/// /admin/people/{id}: one person; change their name, role or provider, deactivate or reactivate them, or send an
/// invitation again. A change the lifecycle forbids (deactivating twice, yourself) is shown in the error summary.
/// </summary>
public sealed class PersonModel : AdminPage
{
    [BindProperty]
    public PersonForm Input { get; set; } = new();

    public PersonView Person { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await Load(id) is not { } person)
        {
            return PageNotFound();
        }

        Input = new PersonForm { Name = person.Name, Role = person.Role, ProviderId = person.ProviderId };
        return Page();
    }

    public async Task<IActionResult> OnPostChangeAsync(Guid id, CancellationToken ct) => await Act(id, async () =>
    {
        var (changed, validation) = await Admin.Change(id, new ChangePersonRequest(Input.Name, Input.Role, Input.ProviderId), Actor, ct);
        if (changed is null)
        {
            ShowErrors(validation);
            return null;
        }

        return $"{changed.Name}'s details have been changed";
    });

    public async Task<IActionResult> OnPostDeactivateAsync(Guid id, CancellationToken ct) =>
        await Act(id, async () => $"{(await Admin.Deactivate(id, Actor, ct)).Name} has been deactivated and can no longer sign in");

    public async Task<IActionResult> OnPostReactivateAsync(Guid id, CancellationToken ct) =>
        await Act(id, async () => $"{(await Admin.Reactivate(id, Actor, ct)).Name} has been reactivated and can sign in again");

    public async Task<IActionResult> OnPostReinviteAsync(Guid id, CancellationToken ct) => await Act(id, async () =>
    {
        var person = await Admin.Find(id);
        var sent = await Admin.Reinvite(person.Email!, Actor, IdentityOrigin.Of(HttpContext), ct);
        return $"{sent.Name} has been sent a new invitation to {sent.Email}";
    });

    /// <summary>Runs one action: on success back to the list with its notice, otherwise this page with the errors.</summary>
    private async Task<IActionResult> Act(Guid id, Func<Task<string?>> action)
    {
        if (await Load(id) is null)
        {
            return PageNotFound();
        }

        try
        {
            if (await action() is { } notice)
            {
                Notice = notice;
                return RedirectToPage("People");
            }
        }
        catch (ConflictException conflict)
        {
            ModelState.AddModelError("", conflict.Message.TrimEnd('.'));
        }

        await Load(id);
        return Page();
    }

    private async Task<PersonView?> Load(Guid id)
    {
        try
        {
            return Person = PersonView.Of(await Admin.Find(id));
        }
        catch (KeyNotFoundException)
        {
            return null;
        }
    }

    public bool IsInvited => Person.Status == nameof(PersonStatus.Invited);

    public bool IsDeactivated => Person.Status == nameof(PersonStatus.Deactivated);
}
