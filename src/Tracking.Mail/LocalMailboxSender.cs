using Microsoft.Extensions.Logging;

namespace Tracking.Mail;

/// <summary>Writes each message into the local mailbox and logs its links, for installs with no SMTP server.</summary>
internal sealed class LocalMailboxSender(MailSettings settings, LocalMailbox mailbox, TimeProvider clock, ILogger<LocalMailboxSender> logger) : IMailSender
{
    public async Task SendAsync(MailMessage message, CancellationToken cancellationToken)
    {
        var path = await mailbox.Deliver(Mime.From(message, settings.From), clock, cancellationToken);
        logger.LogInformation("Mail to {To} ({Subject}) left in {Path}; links: {Links}",
            message.To, message.Subject, path, string.Join(" ", LocalMailbox.Links(message.Text)));
    }
}
