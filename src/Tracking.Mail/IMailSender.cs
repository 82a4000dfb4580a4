namespace Tracking.Mail;

/// <summary>Sends e-mail: through SMTP when Tracking:Mail:Smtp:Host is set, else into the local mailbox folder.</summary>
public interface IMailSender
{
    Task SendAsync(MailMessage message, CancellationToken cancellationToken);
}
