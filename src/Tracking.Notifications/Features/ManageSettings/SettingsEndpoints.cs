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

internal static class SettingsEndpoints
{
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
            {
                if (request.Mode is not null && !Enum.TryParse<DeliveryMode>(request.Mode, ignoreCase: true, out _))
                {
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["mode"] = ["Choose immediate or digest."] });
                }

                if (await EmailOf(db, user, ct) is not { } email)
                {
                    return NoAddress();
                }

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
                return Results.Ok(View(email, settings, options.Value));
            })
            .RequireAuthorization(TrackingPolicies.SignedIn)
            .WithName("ChangeNotificationSettings")
            .WithSummary("Choose immediate mail or a daily digest, and opt out of non-essential mail (essential mail still arrives)")
            .Produces<SettingsView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        notifications.MapPost("/unsubscribe", async (string email, string signature, NotificationsDbContext db, PortalLinks links,
                    TimeProvider clock, CancellationToken ct) =>
            {
                if (!links.Verify(email, signature))
                {
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["signature"] = ["The link is not valid. Sign in to change your settings."] });
                }

                var address = email.Trim().ToLowerInvariant();
                var settings = await db.Settings.FindAsync([address], ct);
                if (settings is null)
                {
                    settings = new PersonSettings { Email = address };
                    db.Settings.Add(settings);
                }

                settings.OptedOut = true;
                settings.ChangedAt = clock.GetUtcNow().UtcDateTime;
                await db.SaveChangesAsync(ct);
                return Results.NoContent();
            })
            .AllowAnonymous()
            .DescribeQuery(new QueryParameter("email", "The address the e-mail was sent to."),
                new QueryParameter("signature", "The signature from the e-mail's settings link."))
            .WithName("Unsubscribe")
            .WithSummary("Stop non-essential mail from the signed link at the foot of every e-mail, without signing in")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem();
        return notifications;
    }

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
