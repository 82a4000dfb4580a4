using Microsoft.Extensions.Configuration;
using Tracking.ServiceDefaults.Hosting;

namespace Tracking.Mail;

/// <summary>Section Tracking:Mail: From, and Smtp:Host/Port/UserName/Password/UseTls; no host means the local mailbox.</summary>
public sealed record MailSettings(string From, string? SmtpHost, int SmtpPort, string? UserName, string? Password, bool UseTls, string MailboxFolder)
{
    public const string Section = "Tracking:Mail";

    public static MailSettings Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        return new MailSettings(
            section["From"] is { Length: > 0 } from ? from : "Track inspection recommendations <no-reply@tracking.localhost>",
            section["Smtp:Host"] is { Length: > 0 } host ? host : null,
            section.GetValue("Smtp:Port", 587),
            section["Smtp:UserName"],
            section["Smtp:Password"],
            section.GetValue("Smtp:UseTls", true),
            Path.Combine(TrackingSettings.From(configuration).DataFolder, "mailbox"));
    }
}
