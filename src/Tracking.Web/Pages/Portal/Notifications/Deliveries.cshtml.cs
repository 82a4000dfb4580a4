using Microsoft.AspNetCore.Mvc;
using Tracking.Web.Api;

namespace Tracking.Web.Pages.Notifications;

/// <summary>For admins: what was e-mailed to whom, and what failed and why.</summary>
public sealed class DeliveriesModel(NotificationsApi api) : PortalPage
{
    [FromQuery(Name = "status")]
    public string? Status { get; set; }

    public IReadOnlyList<Delivery> Deliveries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var status = Status is "givenup" or "sent" or "queued" ? Status : null;
        var result = await api.Deliveries(status);
        if (result.Forbidden)
        {
            return Redirect("/forbidden");
        }

        if (!result.Succeeded)
        {
            return PageNotFound();
        }

        Deliveries = result.Value!;
        return Page();
    }

    public static (string Text, string Colour) Tag(string status) => status switch
    {
        "sent" => ("Sent", "govuk-tag--green"),
        "givenup" => ("Failed", "govuk-tag--red"),
        "queued" or "sending" => ("Waiting", "govuk-tag--blue"),
        "awaitingdigest" => ("In next summary", "govuk-tag--grey"),
        "digested" => ("In a summary", "govuk-tag--grey"),
        "optedout" => ("Opted out", "govuk-tag--grey"),
        _ => (status, "govuk-tag--grey"),
    };
}
