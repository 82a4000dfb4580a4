using Tracking.Identity.Features.ManagePeople;

namespace Tracking.Identity.Pages.Admin;

/// <summary>/admin/people: everyone with an account, invited, active and deactivated.</summary>
public sealed class PeopleModel : AdminPage
{
    public IReadOnlyList<PersonView> People { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => People = await Admin.List(ct);
}
