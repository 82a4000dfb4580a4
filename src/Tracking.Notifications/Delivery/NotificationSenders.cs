using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tracking.Notifications.Delivery.Notify;

namespace Tracking.Notifications.Delivery;

internal static class NotificationSenders
{
    /// <summary>GOV.UK Notify when Tracking:Notifications:Notify:ApiKey is set; otherwise e-mail (SMTP, or the local mailbox).</summary>
    public static IHostApplicationBuilder AddNotificationSender(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(NotifyOptions.Section);
        builder.Services.AddOptions<NotifyOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        if (section[nameof(NotifyOptions.ApiKey)] is { Length: > 0 })
        {
            var timeout = section.GetValue(nameof(NotifyOptions.Timeout), TimeSpan.FromSeconds(30));
            builder.Services.AddHttpClient(GovukNotifySender.HttpClientName, c => c.Timeout = timeout);
            builder.Services.AddScoped<INotificationSender, GovukNotifySender>();
        }
        else
        {
            builder.Services.AddScoped<INotificationSender, MailNotificationSender>();
        }

        return builder;
    }
}
