using Tracking.Mail;

namespace Tracking.Notifications.Delivery;

/// <summary>Sends through the shared IMailSender: SMTP when configured, the local mailbox otherwise.</summary>
internal sealed class MailNotificationSender(IMailSender mail) : INotificationSender
{
    public Task SendAsync(Notification notification, CancellationToken cancellationToken) =>
        mail.SendAsync(new MailMessage(notification.Recipient, notification.Subject, notification.Text, notification.Html), cancellationToken);
}
