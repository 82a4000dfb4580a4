using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tracking.ServiceDefaults.Security;
using Tracking.Web.Api;

namespace Tracking.Web.Pages.Notifications;

/// <summary>For admins: what was e-mailed to whom, and what failed and why. Anyone else gets the 403 page before the API is asked.</summary>
[Authorize(Roles = TrackingRoles.Admin)]
public sealed class DeliveriesModel(NotificationsApi api) : PortalPage
{
    [FromQuery(Name = "status")]
    public string? Status { get; set; }

    public IReadOnlyList<Delivery> Deliveries { get; private set; } = [];

    /// <summary>The sub-navigation's filters: status (none: all) and label.</summary>
    public static readonly (string? Status, string Label)[] Filters = [(null, "All"), ("sent", "Sent"), ("givenup", "Failed"), ("queued", "Waiting")];

    /// <summary>The filter shown: an unknown status in the address shows them all.</summary>
    public string? Shown => Filters.Any(f => f.Status is not null && f.Status == Status) ? Status : null;

    public string Caption => Shown is null ? "All e-mails" : $"{Filters.First(f => f.Status == Shown).Label} e-mails";

    public async Task<IActionResult> OnGetAsync()
    {
        var result = await api.Deliveries(Shown);
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

    /// <summary>A history line's start: the outcome as a sentence starts, with the attempt when it was a retry.</summary>
    public static string Outcome(DeliveryAttempt entry) =>
        (entry.Outcome.Length == 0 ? "" : char.ToUpperInvariant(entry.Outcome[0]) + entry.Outcome[1..]) + (entry.Attempt > 1 ? $" (attempt {entry.Attempt})" : "");
}
