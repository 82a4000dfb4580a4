using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Tracking.Notifications.Data;
using Tracking.Notifications.Webhooks;
using Tracking.ServiceDefaults.Security;

namespace Tracking.Notifications.Features.ManageWebhooks;

/// <summary>
/// Organisations' webhook endpoints: provider managers register and see their own provider's, inspectors and admins
/// any (and inspectorate endpoints that hear every provider). Another provider's endpoint is a 404.
/// </summary>
internal static class WebhookEndpoints
{
    public const string Policy = "manage-webhooks";

    public static IEndpointRouteBuilder MapManageWebhooks(this IEndpointRouteBuilder app)
    {
        var webhooks = app.MapGroup("/api/webhooks").WithTags("Webhooks").RequireAuthorization(Policy);

        webhooks.MapGet("/", async (NotificationsDbContext db, ClaimsPrincipal user, CurrentUser me, CancellationToken ct) =>
                Results.Ok((await Visible(db, user, me).OrderBy(e => e.CreatedAt).ToListAsync(ct)).Select(WebhookView.From).ToList()))
            .WithName("ListWebhooks")
            .WithSummary("The webhook endpoints you may manage: your provider's, or every one for inspectors and admins")
            .Produces<List<WebhookView>>();

        webhooks.MapPost("/", async (RegisterWebhookRequest request, NotificationsDbContext db, WebhookAddressGuard guard, ClaimsPrincipal user,
                CurrentUser me, TimeProvider clock, CancellationToken ct) =>
            {
                var errors = await Validate(request.Url, request.EventTypes, guard, ct);
                var everything = SeesEverything(user);
                var provider = request.ProviderId is { Length: > 0 } p ? p.Trim() : everything ? null : me.ProviderIds.FirstOrDefault();
                if (!everything && (provider is null || !me.ProviderIds.Contains(provider)))
                {
                    errors["providerId"] = ["Choose a provider you act for."];
                }

                if (request.Secret is { } secret && !WebhookSignature.IsValidSecret(secret))
                {
                    errors["secret"] = ["Enter a secret that starts whsec_ followed by 24 to 64 bytes in base64, or leave it out."];
                }

                if (errors.Count > 0)
                {
                    return Results.ValidationProblem(errors);
                }

                var endpoint = new WebhookEndpoint
                {
                    Id = Guid.NewGuid(),
                    ProviderId = provider,
                    Url = request.Url!.Trim(),
                    EventTypes = string.Join(' ', request.EventTypes!.Select(t => t.Trim()).Distinct()),
                    Secret = request.Secret ?? WebhookSignature.NewSecret(),
                    CreatedBy = me.Subject,
                    CreatedAt = clock.GetUtcNow().UtcDateTime,
                };
                db.WebhookEndpoints.Add(endpoint);
                await db.SaveChangesAsync(ct);
                return Results.Created($"/api/webhooks/{endpoint.Id}", new RegisteredWebhookView(endpoint.Id, endpoint.ProviderId, endpoint.Url,
                    endpoint.Types, endpoint.Active, endpoint.Secret, endpoint.CreatedAt));
            })
            .WithName("RegisterWebhook")
            .WithSummary("Register an endpoint for events of your provider (inspectors and admins: any provider, or none for all)")
            .Produces<RegisteredWebhookView>(StatusCodes.Status201Created)
            .ProducesValidationProblem();

        webhooks.MapGet("/{id:guid}", async (Guid id, int? limit, NotificationsDbContext db, ClaimsPrincipal user, CurrentUser me, CancellationToken ct) =>
            {
                if (await Visible(db, user, me).FirstOrDefaultAsync(e => e.Id == id, ct) is not { } endpoint)
                {
                    return NotFound();
                }

                var deliveries = await db.WebhookDeliveries.AsNoTracking().Where(d => d.EndpointId == id)
                    .OrderByDescending(d => d.CreatedAt).Take(Math.Clamp(limit ?? 50, 1, 200)).ToListAsync(ct);
                var ids = deliveries.Select(d => d.Id).ToList();
                var attempts = (await db.WebhookAttempts.AsNoTracking().Where(a => ids.Contains(a.DeliveryId)).ToListAsync(ct))
                    .OrderBy(a => a.Id).ToLookup(a => a.DeliveryId);
                return Results.Ok(new WebhookDetailView(WebhookView.From(endpoint), deliveries.Select(d => View(d, attempts[d.Id])).ToList()));
            })
            .WithName("ViewWebhook")
            .WithSummary("An endpoint with its recent deliveries, newest first, each with every attempt")
            .Produces<WebhookDetailView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        webhooks.MapPut("/{id:guid}", async (Guid id, ChangeWebhookRequest request, NotificationsDbContext db, WebhookAddressGuard guard,
                ClaimsPrincipal user, CurrentUser me, CancellationToken ct) =>
            {
                if (await Visible(db, user, me, tracked: true).FirstOrDefaultAsync(e => e.Id == id, ct) is not { } endpoint)
                {
                    return NotFound();
                }

                var errors = await Validate(request.Url ?? endpoint.Url, request.EventTypes ?? endpoint.Types, guard, ct);
                if (errors.Count > 0)
                {
                    return Results.ValidationProblem(errors);
                }

                endpoint.Url = request.Url?.Trim() ?? endpoint.Url;
                endpoint.EventTypes = request.EventTypes is { } types ? string.Join(' ', types.Select(t => t.Trim()).Distinct()) : endpoint.EventTypes;
                if (request.Active is { } active)
                {
                    endpoint.Active = active;
                    endpoint.DisabledReason = active ? null : $"Switched off by {me.DisplayName}.";
                }

                await db.SaveChangesAsync(ct);
                return Results.Ok(WebhookView.From(endpoint));
            })
            .WithName("ChangeWebhook")
            .WithSummary("Change an endpoint's address or event types, or switch it on again after it was switched off")
            .Produces<WebhookView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        webhooks.MapDelete("/{id:guid}", async (Guid id, NotificationsDbContext db, ClaimsPrincipal user, CurrentUser me, CancellationToken ct) =>
            {
                if (await Visible(db, user, me, tracked: true).FirstOrDefaultAsync(e => e.Id == id, ct) is not { } endpoint)
                {
                    return NotFound();
                }

                db.WebhookEndpoints.Remove(endpoint);
                await db.WebhookDeliveries.Where(d => d.EndpointId == id && d.Status == WebhookDeliveryStatus.Pending).ExecuteDeleteAsync(ct);
                await db.SaveChangesAsync(ct);
                return Results.NoContent();
            })
            .WithName("RemoveWebhook")
            .WithSummary("Remove an endpoint; nothing more is sent to it")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);

        webhooks.MapPost("/{id:guid}/deliveries/{deliveryId:guid}/redeliver", async (Guid id, Guid deliveryId, NotificationsDbContext db,
                ClaimsPrincipal user, CurrentUser me, TimeProvider clock, CancellationToken ct) =>
            {
                if (!await Visible(db, user, me).AnyAsync(e => e.Id == id, ct)
                    || await db.WebhookDeliveries.FirstOrDefaultAsync(d => d.Id == deliveryId && d.EndpointId == id, ct) is not { } delivery)
                {
                    return NotFound();
                }

                if (delivery.Status == WebhookDeliveryStatus.Sending)
                {
                    return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "This delivery is being sent now",
                        detail: "Wait for the attempt to finish, then redeliver it if it failed.");
                }

                delivery.Status = WebhookDeliveryStatus.Pending;
                delivery.NextAttemptAt = clock.GetUtcNow().UtcDateTime;
                await db.SaveChangesAsync(ct);
                return Results.Accepted($"/api/webhooks/{id}", View(delivery, []));
            })
            .WithName("RedeliverWebhook")
            .WithSummary("Send a delivery again now (signed afresh, same webhook-id), whatever its outcome so far")
            .Produces<WebhookDeliveryView>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static bool SeesEverything(ClaimsPrincipal user) => user.IsInRole(TrackingRoles.Inspector) || user.IsInRole(TrackingRoles.Admin);

    private static IQueryable<WebhookEndpoint> Visible(NotificationsDbContext db, ClaimsPrincipal user, CurrentUser me, bool tracked = false)
    {
        var all = tracked ? db.WebhookEndpoints : db.WebhookEndpoints.AsNoTracking();
        if (SeesEverything(user))
        {
            return all;
        }

        var mine = me.ProviderIds;
        return all.Where(e => e.ProviderId != null && mine.Contains(e.ProviderId));
    }

    private static async Task<Dictionary<string, string[]>> Validate(string? url, IReadOnlyList<string>? types, WebhookAddressGuard guard, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(url))
        {
            errors["url"] = ["Enter the address of your receiver"];
        }
        else if (url.Length > 500)
        {
            errors["url"] = ["The address must be 500 characters or fewer"];
        }
        else if (await guard.Refusal(url.Trim(), ct) is { } refusal)
        {
            errors["url"] = [refusal];
        }

        if (types is null || types.Count == 0)
        {
            errors["eventTypes"] = ["Choose at least one event type"];
        }
        else if (types.FirstOrDefault(t => !WebhookEventTypes.All.Contains(t?.Trim())) is { } unknown)
        {
            errors["eventTypes"] = [$"{unknown} is not an event type. Use: {string.Join(", ", WebhookEventTypes.All)}."];
        }

        return errors;
    }

    private static WebhookDeliveryView View(WebhookDelivery d, IEnumerable<WebhookAttempt> attempts) =>
        new(d.Id, d.EventType, d.Status.ToString().ToLowerInvariant(), d.Attempts, d.CreatedAt, d.DeliveredAt, d.LastError,
            attempts.Select(a => new WebhookAttemptView(a.Attempt, a.At, a.StatusCode, a.Outcome, a.Detail)).ToList());

    private static IResult NotFound() => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such webhook endpoint",
        detail: "There is no webhook endpoint or delivery with this id that you may manage.");
}
