using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tracking.Notifications.Data;

namespace Tracking.Notifications.Webhooks;

/// <summary>
/// Posts due webhook deliveries, signed, one claim per delivery so two processes never post one twice at once. A
/// non-2xx answer, a timeout or a refused address waits with a doubling backoff; once the next try would fall after
/// RetryFor (24 h) the delivery is given up and its endpoint switched off, until its owners switch it on again.
/// </summary>
public sealed class WebhookDispatcher(
    IServiceScopeFactory scopes,
    IHttpClientFactory http,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    public const string HttpClientName = "webhooks";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnce(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Webhook dispatcher pass failed; retrying");
            }

            try
            {
                await Task.Delay(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async Task RunOnce(CancellationToken ct)
    {
        var settings = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.WebhookDeliveries
            .Where(d => ((d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt <= now)
                         || (d.Status == WebhookDeliveryStatus.Sending && d.ClaimedUntil < now))
                        && db.WebhookEndpoints.Any(e => e.Id == d.EndpointId && e.Active))
            .OrderBy(d => d.NextAttemptAt).Select(d => d.Id).Take(settings.BatchSize).ToListAsync(ct);
        foreach (var id in due)
        {
            var claimedUntil = now + settings.ClaimFor;
            var claimed = await db.WebhookDeliveries
                .Where(d => d.Id == id && ((d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt <= now)
                                           || (d.Status == WebhookDeliveryStatus.Sending && d.ClaimedUntil < now)))
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, WebhookDeliveryStatus.Sending).SetProperty(d => d.ClaimedUntil, claimedUntil), ct);
            if (claimed == 1)
            {
                await Post(db, id, settings, ct);
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task Post(NotificationsDbContext db, Guid id, WebhookOptions settings, CancellationToken ct)
    {
        var delivery = await db.WebhookDeliveries.SingleAsync(d => d.Id == id, ct);
        var endpoint = await db.WebhookEndpoints.SingleAsync(e => e.Id == delivery.EndpointId, ct);
        delivery.Attempts++;
        var attempt = new WebhookAttempt { DeliveryId = id, Attempt = delivery.Attempts };
        // The attempt's time, and the backoff, count from when it started, not from when the receiver answered.
        attempt.At = clock.GetUtcNow().UtcDateTime;
        var (status, failure) = await Send(endpoint, delivery, ct);
        attempt.StatusCode = status;
        if (failure is null)
        {
            delivery.Status = WebhookDeliveryStatus.Delivered;
            delivery.DeliveredAt = attempt.At;
            delivery.LastError = null;
            attempt.Outcome = "delivered";
        }
        else
        {
            delivery.LastError = failure[..Math.Min(failure.Length, 2000)];
            var next = attempt.At + settings.FirstRetryAfter * Math.Pow(2, delivery.Attempts - 1);
            if (next > delivery.CreatedAt + settings.RetryFor)
            {
                delivery.Status = WebhookDeliveryStatus.GivenUp;
                attempt.Outcome = "given up";
                attempt.Detail = delivery.LastError;
                endpoint.Active = false;
                endpoint.DisabledReason = $"Switched off on {attempt.At:u}: deliveries failed for {settings.RetryFor.TotalHours:0} hours ({delivery.LastError})";
                logger.LogWarning("Webhook endpoint {Endpoint} switched off after persistent failure: {Reason}", endpoint.Id, delivery.LastError);
            }
            else
            {
                delivery.Status = WebhookDeliveryStatus.Pending;
                delivery.NextAttemptAt = next;
                attempt.Outcome = "failed";
                attempt.Detail = $"{delivery.LastError} (next try at {next:u})";
            }
        }

        delivery.ClaimedUntil = null;
        db.WebhookAttempts.Add(attempt);
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private async Task<(int? Status, string? Failure)> Send(WebhookEndpoint endpoint, WebhookDelivery delivery, CancellationToken ct)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        var messageId = $"msg_{delivery.Id:N}";
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("webhook-id", messageId);
        request.Headers.Add("webhook-timestamp", timestamp.ToString());
        request.Headers.Add("webhook-signature", WebhookSignature.Sign(endpoint.Secret, messageId, timestamp, delivery.Payload));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Value.Timeout);
        try
        {
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
            return response.IsSuccessStatusCode
                ? ((int)response.StatusCode, null)
                : ((int)response.StatusCode, $"The receiver answered {(int)response.StatusCode} {response.ReasonPhrase}");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (null, $"No answer within {options.Value.Timeout.TotalSeconds:0} seconds");
        }
        catch (HttpRequestException ex)
        {
            return (null, $"Could not reach the receiver: {ex.Message}");
        }
    }
}
