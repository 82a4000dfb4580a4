using System.Text.Json;
using Microsoft.Extensions.Options;
using Notify.Client;

namespace Tracking.Notifications.Delivery.Notify;

/// <summary>
/// Sends through GOV.UK Notify: Notify renders the rule's template from the personalisation (every ((placeholder))
/// the rule filled, plus subject and body for a generic template). A refusal or a Notify outage throws, so the
/// dispatcher logs it and retries with backoff as it does for SMTP. The reference is the message id.
/// </summary>
internal sealed class GovukNotifySender(IHttpClientFactory http, IOptions<NotifyOptions> options) : INotificationSender
{
    public const string HttpClientName = "govuk-notify";

    public async Task SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var templateId = settings.TemplateFor(notification.Rule)
            ?? throw new InvalidOperationException($"No Notify template is configured for the rule {notification.Rule}.");
        using var port = new NotifyHttpClient(http.CreateClient(HttpClientName), new Uri(settings.BaseUrl));
        var client = new NotificationClient(port, settings.ApiKey!);
        cancellationToken.ThrowIfCancellationRequested();
        await client.SendEmailAsync(notification.Recipient, templateId, Personalisation(notification), clientReference: notification.Id.ToString());
    }

    /// <summary>The stored template values as strings, with the rendered subject and body for a generic template.</summary>
    internal static Dictionary<string, dynamic> Personalisation(Notification notification)
    {
        var values = JsonSerializer.Deserialize<Dictionary<string, string>>(notification.Personalisation) ?? [];
        var personalisation = values.ToDictionary(v => v.Key, v => (dynamic)v.Value);
        personalisation.TryAdd("subject", notification.Subject);
        personalisation.TryAdd("body", notification.Text);
        return personalisation;
    }
}
