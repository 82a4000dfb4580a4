using Tracking.Notifications.Webhooks;

namespace Tracking.Notifications.Features.ManageWebhooks;

/// <param name="ProviderId">The provider whose events it receives; null for an inspectorate endpoint (every provider).</param>
/// <param name="EventTypes">Any of: inspection.published, response.submitted, response.accepted, action.planned, evidence.submitted,
/// evidence.reviewed, target-date-revision.requested, target-date-revision.decided, deadline.approaching, deadline.missed, follow-up-review.due.</param>
/// <param name="Secret">Optional: "whsec_" and 24–64 bytes of base64. Left out, one is made and returned once.</param>
public sealed record RegisterWebhookRequest(string? Url, IReadOnlyList<string>? EventTypes, string? ProviderId, string? Secret);

/// <param name="Active">True switches a disabled endpoint on again; false switches it off.</param>
public sealed record ChangeWebhookRequest(string? Url, IReadOnlyList<string>? EventTypes, bool? Active);

/// <param name="DisabledReason">Why it was switched off after persistent failure, if it was.</param>
public sealed record WebhookView(Guid Id, string? ProviderId, string Url, IReadOnlyList<string> EventTypes, bool Active, string? DisabledReason,
    DateTime CreatedAt)
{
    public static WebhookView From(WebhookEndpoint e) => new(e.Id, e.ProviderId, e.Url, e.Types, e.Active, e.DisabledReason, e.CreatedAt);
}

/// <param name="Secret">Shown once: verify each delivery's webhook-signature with it.</param>
public sealed record RegisteredWebhookView(Guid Id, string? ProviderId, string Url, IReadOnlyList<string> EventTypes, bool Active, string Secret,
    DateTime CreatedAt);

public sealed record WebhookDetailView(WebhookView Endpoint, IReadOnlyList<WebhookDeliveryView> Deliveries);

/// <param name="Status">pending, sending, delivered or givenup.</param>
/// <param name="Attempts">Every try, oldest first.</param>
public sealed record WebhookDeliveryView(Guid Id, string EventType, string Status, int AttemptCount, DateTime CreatedAt, DateTime? DeliveredAt,
    string? LastError, IReadOnlyList<WebhookAttemptView> Attempts);

public sealed record WebhookAttemptView(int Attempt, DateTime At, int? StatusCode, string Outcome, string? Detail);
