using Tracking.Identity.People;
using Tracking.Mail;

namespace Tracking.Identity.Invitations;

/// <summary>The invitation e-mail: who invited them to what, the single-use link and when it stops working.</summary>
internal sealed class InvitationMail(IMailSender sender)
{
    public Task Send(Person person, string code, DateTime expiresAt, Uri origin, CancellationToken ct)
    {
        var link = new Uri(origin, $"/account/invitation/{code}");
        var local = TimeZoneInfo.ConvertTimeFromUtc(expiresAt, Tracking.ServiceDefaults.Time.UkCalendar.London);
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        var until = $"{local.ToString("h:mmtt", culture).ToLowerInvariant()} on {local.ToString("d MMMM yyyy", culture)}";
        var text = $"""
            Dear {person.Name},

            You have been given an account on Track inspection recommendations (HM Inspectorate of Probation).

            Set your password here:
            {link}

            The link works once, until {until} (UK time). If it has expired, ask the person who invited you to send a new one.
            """;
        return sender.SendAsync(new MailMessage(person.Email!, "Set up your account: Track inspection recommendations", text), ct);
    }
}
