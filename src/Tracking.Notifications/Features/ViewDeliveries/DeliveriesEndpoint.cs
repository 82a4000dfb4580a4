using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Tracking.Notifications.Data;
using Tracking.Notifications.Delivery;
using Tracking.ServiceDefaults.OpenApi;
using Tracking.ServiceDefaults.Security;

namespace Tracking.Notifications.Features.ViewDeliveries;

/// <param name="Status">queued, sending, sent, givenup, awaitingdigest, digested or optedout.</param>
/// <param name="Log">Every attempt, oldest first.</param>
public sealed record DeliveryView(Guid Id, string Recipient, string Rule, string Subject, bool Essential, string Status,
    int Attempts, DateTime CreatedAt, DateTime? SentAt, string? LastError, IReadOnlyList<DeliveryLogView> Log);

public sealed record DeliveryLogView(DateTime At, string Outcome, int Attempt, string? Detail);

internal static class DeliveriesEndpoint
{
    public static RouteGroupBuilder MapViewDeliveries(this RouteGroupBuilder notifications)
    {
        notifications.MapGet("/deliveries", async (string? status, int? limit, NotificationsDbContext db, CancellationToken ct) =>
            {
                NotificationStatus? wanted = null;
                if (status is not null)
                {
                    if (!Enum.TryParse<NotificationStatus>(status, ignoreCase: true, out var parsed))
                    {
                        return Results.ValidationProblem(new Dictionary<string, string[]>
                        {
                            ["status"] = [$"Use one of: {string.Join(", ", Enum.GetNames<NotificationStatus>().Select(n => n.ToLowerInvariant()))}."],
                        });
                    }

                    wanted = parsed;
                }

                var take = Math.Clamp(limit ?? 100, 1, 500);
                var messages = await db.Notifications.AsNoTracking()
                    .Where(n => wanted == null || n.Status == wanted)
                    .OrderByDescending(n => n.CreatedAt).Take(take).ToListAsync(ct);
                var ids = messages.Select(m => m.Id).ToList();
                var log = (await db.DeliveryLog.AsNoTracking().Where(e => ids.Contains(e.NotificationId)).ToListAsync(ct))
                    .OrderBy(e => e.Id).ToLookup(e => e.NotificationId);
                return Results.Ok(messages.Select(m => new DeliveryView(m.Id, m.Recipient, m.Rule, m.Subject, m.Essential,
                    m.Status.ToString().ToLowerInvariant(), m.Attempts, m.CreatedAt, m.SentAt, m.LastError,
                    log[m.Id].Select(e => new DeliveryLogView(e.At, e.Outcome, e.Attempt, e.Detail)).ToList())).ToList());
            })
            .RequireAuthorization(TrackingPolicies.ManagePeople)
            .WithName("ViewDeliveries")
            .WithSummary("What was e-mailed to whom, newest first, with every attempt: queued, sent, failed (with the reason), given up")
            .DescribeQuery(new QueryParameter("status", "Only messages in this state, e.g. givenup for the failures."),
                new QueryParameter("limit", "At most this many messages (1–500, default 100)."))
            .Produces<List<DeliveryView>>()
            .ProducesValidationProblem();
        return notifications;
    }
}
