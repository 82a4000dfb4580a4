using Microsoft.AspNetCore.Mvc;
using Tracking.Identity.Features.ManagePeople;

namespace Tracking.Identity.Pages.Admin;

/// <summary>/admin/people/invite: adds a person and e-mails them a single-use invitation, as POST /api/people does.</summary>
public sealed class InviteModel : AdminPage
{
    [BindProperty]
    public PersonForm Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var (person, validation) = await Admin.Invite(new InvitePersonRequest(Input.Email?.Trim(), Input.Name, Input.Role, Input.ProviderId),
            Actor, IdentityOrigin.Of(HttpContext), ct);
        if (person is null)
        {
            ShowErrors(validation);
            return Page();
        }

        Notice = $"{person.Name} has been sent an invitation to {person.Email}";
        return RedirectToPage("People");
    }
}
