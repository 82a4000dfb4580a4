using Microsoft.AspNetCore.Mvc;
using Tracking.Web.Api;

namespace Tracking.Web.Pages.Notifications.Webhooks;

/// <summary>One endpoint's delivery log, with "send again" per delivery, switching the endpoint off and on, and removing it.</summary>
public sealed class EndpointModel(NotificationsApi api) : PortalPage
{
    public WebhookDetail Detail { get; private set; } = null!;

    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? done = null)
    {
        Done = done switch { "redelivered" => "The delivery will be sent again in a moment", "on" => "The endpoint is switched on",
            "off" => "The endpoint is switched off: nothing is sent to it until you switch it on again", _ => null };
        return await Load(id);
    }

    public async Task<IActionResult> OnPostRedeliverAsync(Guid id, Guid deliveryId)
    {
        var result = await api.Redeliver(id, deliveryId);
        return result.Forbidden ? Redirect("/forbidden") : result.Succeeded ? Redirect($"/notifications/webhooks/{id}?done=redelivered") : PageNotFound();
    }

    public async Task<IActionResult> OnPostSwitchOnAsync(Guid id)
    {
        var result = await api.SwitchWebhook(id, active: true);
        return result.Forbidden ? Redirect("/forbidden") : result.Succeeded ? Redirect($"/notifications/webhooks/{id}?done=on") : PageNotFound();
    }

    public async Task<IActionResult> OnPostSwitchOffAsync(Guid id)
    {
        var result = await api.SwitchWebhook(id, active: false);
        return result.Forbidden ? Redirect("/forbidden") : result.Succeeded ? Redirect($"/notifications/webhooks/{id}?done=off") : PageNotFound();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id)
    {
        var result = await api.RemoveWebhook(id);
        return result.Forbidden ? Redirect("/forbidden") : result.Value ? Redirect("/notifications/webhooks?removed=true") : PageNotFound();
    }

    private async Task<IActionResult> Load(Guid id)
    {
        var detail = await api.Webhook(id);
        if (detail.Forbidden)
        {
            return Redirect("/forbidden");
        }

        if (!detail.Succeeded)
        {
            return PageNotFound();
        }

        Detail = detail.Value!;
        return Page();
    }

    public static (string Text, string Colour) Tag(string status) => status switch
    {
        "delivered" => ("Delivered", "govuk-tag--green"),
        "givenup" => ("Failed", "govuk-tag--red"),
        _ => ("Waiting", "govuk-tag--blue"),
    };
}
