using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tracking.Mail;
using Tracking.Messaging.Bus;
using Tracking.Messaging.Topology;
using Tracking.Notifications.Consumers;
using Tracking.Notifications.Data;
using Tracking.Notifications.Delivery;
using Tracking.Notifications.Features.ManageSettings;
using Tracking.Notifications.Features.ManageWebhooks;
using Tracking.Notifications.Features.ViewDeliveries;
using Tracking.Notifications.Features.ViewUpdateRounds;
using Tracking.Notifications.Rules;
using Tracking.Notifications.Templates;
using Tracking.Notifications.UpdateRounds;
using Tracking.Notifications.Webhooks;
using Tracking.ServiceDefaults.Persistence;

namespace Tracking.Notifications;

/// <summary>
/// The notifications service: keeps its own directory of people and action owners from events, turns events into
/// mail by the rules in <see cref="NotificationRules"/>, and works a mail queue with a delivery log.
/// </summary>
public static class NotificationsService
{
    public const string QueueName = "notifications";

    /// <summary>Its queue (it publishes nothing), as every process must know it.</summary>
    public static readonly ServiceQueue Queue = ServiceQueue.Scan(QueueName, typeof(NotificationsQueue<>));

    public static IHostApplicationBuilder AddNotificationsService(this IHostApplicationBuilder builder)
    {
        builder.AddTrackingMail();
        builder.Services.AddSingleton<NotificationSignal>();
        builder.Services.AddKeyedSingleton<IInterceptor>(typeof(NotificationsDbContext), (sp, _) => sp.GetRequiredService<NotificationSignal>());
        builder.AddServiceDatabase<NotificationsDbContext, NotificationsSqliteDbContext, NotificationsPostgresDbContext>(NotificationsDbContext.ServiceName);
        builder.AddServiceMessaging<NotificationsDbContext>(Queue);
        builder.Services.Configure<NotificationOptions>(builder.Configuration.GetSection(NotificationOptions.Section));
        builder.Services.AddSingleton<PortalLinks>();
        builder.Services.AddScoped<Notifier>();
        builder.Services.AddScoped<OccasionResolver>();
        builder.Services.AddScoped<DigestMaker>();
        builder.Services.AddScoped<UpdateRoundMaker>();
        builder.AddNotificationSender();
        builder.Services.AddSingleton<MailDispatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<MailDispatcher>());
        builder.AddWebhooks();
        return builder;
    }

    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/notifications").WithTags("Notifications")
            .MapManageSettings()
            .MapViewDeliveries()
            .MapUpdateRounds();
        app.MapManageWebhooks();
        return app;
    }
}
