namespace Tracking.Notifications.Delivery;

/// <summary>Hands one queued message to the outside world; throwing means "not delivered, try again later".</summary>
public interface INotificationSender
{
    Task SendAsync(Notification notification, CancellationToken cancellationToken);
}
