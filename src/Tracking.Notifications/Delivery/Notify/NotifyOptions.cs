using System.ComponentModel.DataAnnotations;

namespace Tracking.Notifications.Delivery.Notify;

/// <summary>
/// Section Tracking:Notifications:Notify. An ApiKey switches delivery from e-mail (SMTP or the local mailbox) to
/// GOV.UK Notify; each rule's template id is Templates:{rule}, else Templates:default (a template of ((subject)) and ((body))).
/// </summary>
public sealed class NotifyOptions : IValidatableObject
{
    public const string Section = "Tracking:Notifications:Notify";

    public const string DefaultTemplate = "default";

    /// <summary>The Notify API key, "{name}-{service id}-{secret}"; the secret signs each request's token and is never sent.</summary>
    public string? ApiKey { get; set; }

    public string BaseUrl { get; set; } = "https://api.notifications.service.gov.uk/";

    /// <summary>Template id per rule name (e.g. "publication", "digest"), or "default" for every rule not named.</summary>
    public Dictionary<string, string> Templates { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool Enabled => ApiKey is { Length: > 0 };

    public string? TemplateFor(string rule) =>
        Templates.TryGetValue(rule, out var id) ? id : Templates.TryGetValue(DefaultTemplate, out var fallback) ? fallback : null;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }

        // The client takes the last 73 characters as "{service id}-{secret}", both GUIDs.
        if (ApiKey!.Length < 74 || !Guid.TryParse(ApiKey[^73..^37], out _) || !Guid.TryParse(ApiKey[^36..], out _))
        {
            yield return new ValidationResult("Tracking:Notifications:Notify:ApiKey is not a Notify API key ({name}-{service id}-{secret}).", [nameof(ApiKey)]);
        }

        foreach (var rule in Rules.NotificationRules.All.Select(r => r.Name).Append(DigestMaker.Rule))
        {
            if (TemplateFor(rule) is not { } id || !Guid.TryParse(id, out _))
            {
                yield return new ValidationResult($"Tracking:Notifications:Notify:Templates:{rule} (or :default) must be a Notify template id.", [nameof(Templates)]);
            }
        }
    }
}
