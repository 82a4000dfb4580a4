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

    private Task<ApiResult<T>> Send<T>(HttpMethod method, string path, object? body = null) => ApiSender.Send<T>(http, method, path, body);
}

public sealed record NotificationSettings(string Email, string Mode, bool OptedOut, string DigestTime);

public sealed record Delivery(Guid Id, string Recipient, string Rule, string Subject, bool Essential, string Status, int Attempts,
    DateTime CreatedAt, DateTime? SentAt, string? LastError, List<DeliveryAttempt> Log);

public sealed record DeliveryAttempt(DateTime At, string Outcome, int Attempt, string? Detail);
