using Tracking.Identity;
using Tracking.Notifications;
using Tracking.Planning;
using Tracking.Public;
using Tracking.Recommendations;
using Tracking.Scheduling;
using Tracking.Web;
using Tracking.ServiceDefaults.Hosting;
using Tracking.Messaging.Bus;
using Tracking.Messaging.Topology;

namespace Tracking.Server;

/// <summary>Composes the services this process hosts, from configuration alone.</summary>
public static class TrackingServer
{
    /// <summary>Every service's queue, known to every process: a new service adds its queue here and gets it declared everywhere.</summary>
    public static readonly MessagingTopology Topology = new(RecommendationsService.Queue, SchedulingService.Queue, PlanningService.Queue, PublicTrackerService.Queue, IdentityService.Queue, NotificationsService.Queue);

    public static WebApplicationBuilder AddTrackingServices(this WebApplicationBuilder builder)
    {
        var roles = ServerRoles.From(builder.Configuration);
        var settings = TrackingSettings.From(builder.Configuration);
        if (!roles.All && settings.Transport == BusTransport.InMemory)
        {
            throw new InvalidOperationException(
                "An in-memory bus only connects services in the same process: run with --roles all, or set Tracking:Bus=RabbitMq.");
        }

        builder.AddServiceDefaults();
        if (roles.Recommendations)
        {
            builder.AddRecommendationsService();
        }

        if (roles.Scheduling)
        {
            builder.AddSchedulingService();
        }

        if (roles.Planning)
        {
            builder.AddPlanningService();
        }

        if (roles.Public)
        {
            builder.AddPublicTrackerService();
        }

        if (roles.Identity)
        {
            builder.AddIdentityService();
        }

        if (roles.Notifications)
        {
            builder.AddNotificationsService();
        }

        if (roles.Web)
        {
            builder.AddWebPortal();
        }

        builder.AddMessageBus(Topology);
        return builder;
    }

    public static WebApplication MapTrackingServices(this WebApplication app)
    {
        var roles = ServerRoles.From(app.Configuration);
        if (roles.Identity)
        {
            app.UseIdentityRequests();
        }

        app.MapServiceDefaults();
        if (roles.Recommendations)
        {
            app.MapRecommendationsApi();
        }

        if (roles.Scheduling)
        {
            app.MapSchedulingApi();
        }

        if (roles.Planning)
        {
            app.MapPlanningApi();
        }

        if (roles.Public)
        {
            app.MapPublicTrackerApi();
            app.MapPublicTrackerPages();
        }

        if (roles.Identity)
        {
            app.MapIdentity();
        }

        if (roles.Notifications)
        {
            app.MapNotificationsApi();
        }

        if (roles.Web)
        {
            app.MapWebPortal();
        }
        else
        {
            app.MapGet("/", () => Results.Redirect("/scalar")).ExcludeFromDescription().AllowAnonymous();
        }

        return app;
    }
}
