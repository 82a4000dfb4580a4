using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tracking.Notifications.Data;
using Tracking.Notifications.Delivery;
using Tracking.Notifications.Settings;
using Tracking.Notifications.Templates;
using Tracking.ServiceDefaults.OpenApi;
using Tracking.ServiceDefaults.Security;

namespace Tracking.Notifications.Features.ManageSettings;

/// <summary>
/// A person's settings, for the signed-in person, or for whoever holds the signed link at the foot of their e-mails
/// (the signature is the proof: it names the address and expires).
/// </summary>
internal static class SettingsEndpoints
{
    private static readonly QueryParameter[] LinkParameters =
    [
        new("email", "The address the e-mail was sent to."),
        new("expires", "When the link stops working, in seconds since 1970 (UTC).", Microsoft.OpenApi.JsonSchemaType.Integer, "int64"),
        new("signature", "The signature from the e-mail's settings link."),
    ];

    public static RouteGroupBuilder MapManageSettings(this RouteGroupBuilder notifications)
    {
        notifications.MapGet("/settings", async (NotificationsDbContext db, CurrentUser user, IOptions<NotificationOptions> options, CancellationToken ct) =>
                await EmailOf(db, user, ct) is { } email
                    ? Results.Ok(View(email, await db.Settings.FindAsync([email], ct), options.Value))
                    : NoAddress())
            .RequireAuthorization(TrackingPolicies.SignedIn)
            .WithName("ViewNotificationSettings")
            .WithSummary("The signed-in person's notification settings: immediate or a daily digest, and whether non-essential mail is off")
            .Produces<SettingsView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        notifications.MapPut("/settings", async (ChangeSettingsRequest request, NotificationsDbContext db, CurrentUser user,
                    IOptions<NotificationOptions> options, TimeProvider clock, CancellationToken ct) =>
                BadMode(request) ?? (await EmailOf(db, user, ct) is { } email
                    ? Results.Ok(await Change(db, email, request, options.Value, clock, ct))
                    : NoAddress()))
            .RequireAuthorization(TrackingPolicies.SignedIn)
            .WithName("ChangeNotificationSettings")
            .WithSummary("Choose immediate mail or a daily digest, and opt out of non-essential mail (essential mail still arrives)")
            .Produces<SettingsView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        notifications.MapGet("/settings/from-link", async (string? email, string? expires, string? signature, NotificationsDbContext db,
                    PortalLinks links, IOptions<NotificationOptions> options, CancellationToken ct) =>
                BadLink(links, email, expires, signature)
                    ?? Results.Ok(View(Address(email!), await db.Settings.FindAsync([Address(email!)], ct), options.Value)))
            .AllowAnonymous()
            .DescribeQuery(LinkParameters)
            .WithName("ViewNotificationSettingsFromLink")
            .WithSummary("The settings of the address a signed e-mail link names, without signing in")
            .Produces<SettingsView>()
            .ProducesValidationProblem();

        notifications.MapPut("/settings/from-link", async (string? email, string? expires, string? signature, ChangeSettingsRequest request,
                    NotificationsDbContext db, PortalLinks links, IOptions<NotificationOptions> options, TimeProvider clock, CancellationToken ct) =>
                BadLink(links, email, expires, signature) ?? BadMode(request)
                    ?? Results.Ok(await Change(db, Address(email!), request, options.Value, clock, ct)))
            .AllowAnonymous()
            .DescribeQuery(LinkParameters)
            .WithName("ChangeNotificationSettingsFromLink")
            .WithSummary("Change the settings of the address a signed e-mail link names, without signing in")
            .Produces<SettingsView>()
            .ProducesValidationProblem();

        notifications.MapPost("/unsubscribe", async (string? email, string? expires, string? signature, NotificationsDbContext db, PortalLinks links,
                    IOptions<NotificationOptions> options, TimeProvider clock, CancellationToken ct) =>
            {
                if (BadLink(links, email, expires, signature) is { } refused)
                {
                    return refused;
                }

                await Change(db, Address(email!), new ChangeSettingsRequest(null, true), options.Value, clock, ct);
                return Results.NoContent();
            })
            .AllowAnonymous()
            .DescribeQuery(LinkParameters)
            .WithName("Unsubscribe")
            .WithSummary("Stop non-essential mail from the signed link at the foot of every e-mail, without signing in")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem();
        return notifications;
    }

    private static IResult? BadLink(PortalLinks links, string? email, string? expires, string? signature) =>
        links.Check(email, expires, signature) switch
        {
            SettingsLinkCheck.Valid => null,
            SettingsLinkCheck.Expired => Results.ValidationProblem(new Dictionary<string, string[]>
                { ["expires"] = ["The link has expired. Use the link in a newer e-mail, or sign in to change your settings."] }),
            _ => Results.ValidationProblem(new Dictionary<string, string[]>
                { ["signature"] = ["The link is not valid. Sign in to change your settings."] }),
        };

    private static IResult? BadMode(ChangeSettingsRequest request) =>
        request.Mode is not null && !Enum.TryParse<DeliveryMode>(request.Mode, ignoreCase: true, out _)
            ? Results.ValidationProblem(new Dictionary<string, string[]> { ["mode"] = ["Choose immediate or digest."] })
            : null;

    private static async Task<SettingsView> Change(NotificationsDbContext db, string email, ChangeSettingsRequest request, NotificationOptions options,
        TimeProvider clock, CancellationToken ct)
    {
        var settings = await db.Settings.FindAsync([email], ct);
        if (settings is null)
        {
            settings = new PersonSettings { Email = email };
            db.Settings.Add(settings);
        }

        settings.Mode = request.Mode is null ? settings.Mode : Enum.Parse<DeliveryMode>(request.Mode, ignoreCase: true);
        settings.OptedOut = request.OptedOut ?? settings.OptedOut;
        settings.ChangedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return View(email, settings, options);
    }

    private static string Address(string email) => email.Trim().ToLowerInvariant();

    /// <summary>The token's e-mail claim, else the directory's address for the token's subject.</summary>
    private static async Task<string?> EmailOf(NotificationsDbContext db, CurrentUser user, CancellationToken ct) =>
        (user.Email ?? await db.People.Where(p => p.PersonId == user.Subject).Select(p => p.Email).FirstOrDefaultAsync(ct))
        ?.Trim().ToLowerInvariant();

    private static IResult NoAddress() => Results.Problem(statusCode: StatusCodes.Status404NotFound,
        title: "No e-mail address is known for you", detail: "Your account has no e-mail address, so there are no notification settings to show.");

    private static SettingsView View(string email, PersonSettings? settings, NotificationOptions options) =>
        new(email, (settings?.Mode ?? DeliveryMode.Immediate).ToString().ToLowerInvariant(), settings?.OptedOut ?? false,
            options.DigestTime.ToString("HH:mm"));
}
