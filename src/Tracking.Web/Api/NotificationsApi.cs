using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace Tracking.Web.Api;

/// <summary>
/// The notifications API as the pages use it, with the signed-in person's token; writes carry an Idempotency-Key,
/// refusals come back as problem details for the error summary (the same shape as <see cref="TrackingApi"/>).
/// </summary>
public sealed class NotificationsApi(HttpClient http)
{
    public Task<ApiResult<NotificationSettings>> Settings() => Send<NotificationSettings>(HttpMethod.Get, "api/notifications/settings");

    public Task<ApiResult<NotificationSettings>> ChangeSettings(string mode, bool optedOut) =>
        Send<NotificationSettings>(HttpMethod.Put, "api/notifications/settings", new { mode, optedOut });

    public Task<ApiResult<List<Delivery>>> Deliveries(string? status) =>
        Send<List<Delivery>>(HttpMethod.Get, "api/notifications/deliveries" + (status is null ? "" : $"?status={Uri.EscapeDataString(status)}"));

    /// <summary>The settings the signed e-mail link names: anonymous, the signature is the proof.</summary>
    public Task<ApiResult<NotificationSettings>> SettingsFromLink(SettingsLink link) =>
        Send<NotificationSettings>(HttpMethod.Get, "api/notifications/settings/from-link" + link.Query);

    public Task<ApiResult<NotificationSettings>> ChangeSettingsFromLink(SettingsLink link, string mode, bool optedOut) =>
        Send<NotificationSettings>(HttpMethod.Put, "api/notifications/settings/from-link" + link.Query, new { mode, optedOut });

    public Task<ApiResult<List<UpdateRound>>> UpdateRounds() => Send<List<UpdateRound>>(HttpMethod.Get, "api/notifications/update-rounds");

    public Task<ApiResult<UpdateRoundDetail>> UpdateRound(Guid id) => Send<UpdateRoundDetail>(HttpMethod.Get, $"api/notifications/update-rounds/{id}");

    public Task<ApiResult<UpdateRound>> StartUpdateRound() => Send<UpdateRound>(HttpMethod.Post, "api/notifications/update-rounds");

    public Task<ApiResult<List<Webhook>>> Webhooks() => Send<List<Webhook>>(HttpMethod.Get, "api/webhooks");

    public Task<ApiResult<RegisteredWebhook>> RegisterWebhook(string? url, IReadOnlyList<string> eventTypes, string? providerId) =>
        Send<RegisteredWebhook>(HttpMethod.Post, "api/webhooks", new { url, eventTypes, providerId });

    public Task<ApiResult<WebhookDetail>> Webhook(Guid id) => Send<WebhookDetail>(HttpMethod.Get, $"api/webhooks/{id}");

    public Task<ApiResult<Webhook>> SwitchWebhook(Guid id, bool active) => Send<Webhook>(HttpMethod.Put, $"api/webhooks/{id}", new { active });

    public async Task<ApiResult<bool>> RemoveWebhook(Guid id)
    {
        var result = await Send<JsonElement>(HttpMethod.Delete, $"api/webhooks/{id}");
        return new ApiResult<bool>(result.Status, (int)result.Status is >= 200 and < 300, result.Problem);
    }

    public Task<ApiResult<WebhookDelivery>> Redeliver(Guid id, Guid deliveryId) =>
        Send<WebhookDelivery>(HttpMethod.Post, $"api/webhooks/{id}/deliveries/{deliveryId}/redeliver");

    private Task<ApiResult<T>> Send<T>(HttpMethod method, string path, object? body = null) => ApiSender.Send<T>(http, method, path, body);
}

/// <summary>The three query values of the settings link at the foot of every e-mail.</summary>
public sealed record SettingsLink(string Email, string Expires, string Signature)
{
    public string Query => $"?email={Uri.EscapeDataString(Email)}&expires={Uri.EscapeDataString(Expires)}&signature={Uri.EscapeDataString(Signature)}";
}

public sealed record NotificationSettings(string Email, string Mode, bool OptedOut, string DigestTime);

public sealed record Delivery(Guid Id, string Recipient, string Rule, string Subject, bool Essential, string Status, int Attempts,
    DateTime CreatedAt, DateTime? SentAt, string? LastError, List<DeliveryAttempt> Log);

public sealed record DeliveryAttempt(DateTime At, string Outcome, int Attempt, string? Detail);

public sealed record Webhook(Guid Id, string? ProviderId, string Url, List<string> EventTypes, bool Active, string? DisabledReason, DateTime CreatedAt);

public sealed record RegisteredWebhook(Guid Id, string? ProviderId, string Url, List<string> EventTypes, bool Active, string Secret, DateTime CreatedAt);

public sealed record WebhookDetail(Webhook Endpoint, List<WebhookDelivery> Deliveries);

public sealed record WebhookDelivery(Guid Id, string EventType, string Status, int AttemptCount, DateTime CreatedAt, DateTime? DeliveredAt,
    string? LastError, List<WebhookAttempt> Attempts);

public sealed record WebhookAttempt(int Attempt, DateTime At, int? StatusCode, string Outcome, string? Detail);

public sealed record UpdateRound(Guid Id, DateTime StartedAt, DateOnly DueBy, string? StartedBy, int Asked, int Answered);

public sealed record UpdateRoundDetail(UpdateRound Round, List<UpdateRequest> Requests);

public sealed record UpdateRequest(Guid ActionId, Guid RecommendationId, string ProviderId, string Action, string OwnerName, string OwnerEmail,
    DateOnly TargetDate, DateTime AskedAt, DateTime? AnsweredAt, Guid? EvidenceId);
