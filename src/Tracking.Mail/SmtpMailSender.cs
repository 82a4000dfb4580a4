using MailKit.Net.Smtp;
using MailKit.Security;

namespace Tracking.Mail;

/// <summary>Sends through the configured SMTP server (MailKit), one connection per message: mail here is rare.</summary>
internal sealed class SmtpMailSender(MailSettings settings) : IMailSender
{
    public async Task SendAsync(MailMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync(settings.SmtpHost!, settings.SmtpPort,
            settings.UseTls ? SecureSocketOptions.StartTlsWhenAvailable : SecureSocketOptions.None, cancellationToken);
        if (settings.UserName is { Length: > 0 })
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
        }

        await client.SendAsync(Mime.From(message, settings.From), cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }
}
