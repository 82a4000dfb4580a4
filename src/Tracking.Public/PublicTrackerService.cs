using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tracking.Contracts;
using Tracking.Messaging.Bus;
using Tracking.Messaging.Topology;
using Tracking.Public.Consumers;
using Tracking.Public.Data;
using Tracking.Public.Features;
using Tracking.Public.Features.DownloadOpenData;
using Tracking.Public.Features.FindProviders;
using Tracking.Public.Features.FollowStatusChanges;
using Tracking.Public.Features.RebuildReadModel;
using Tracking.Public.Features.ViewInspection;
using Tracking.Public.Features.ViewProvider;
using Tracking.Public.Http;
using Tracking.ServiceDefaults.Persistence;
using Tracking.Web.Ui;

namespace Tracking.Public;

/// <summary>
/// The public tracker: its own read model of published inspections and their recommendations' public status, built
/// from events, served without sign-in. It never receives evidence, narratives, files, names or e-mail addresses it
/// could leak: its consumers copy only what the public may see.
/// </summary>
public static class PublicTrackerService
{
    public const string QueueName = "public";

    /// <summary>Its queue and what it publishes (only the replay a rebuild asks for), as every process must know them.</summary>
    public static readonly ServiceQueue Queue = ServiceQueue.Scan(QueueName, typeof(PublicTrackerQueue<>), typeof(ReplayEvents));

    public static IHostApplicationBuilder AddPublicTrackerService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<PublicTrackerDbContext, PublicTrackerSqliteDbContext, PublicTrackerPostgresDbContext>(PublicTrackerDbContext.ServiceName);
        builder.AddServiceMessaging<PublicTrackerDbContext>(Queue);
        builder.AddPublicRateLimit();
        builder.Services.AddScoped<PublicReads>();
        builder.Services.AddRazorPages();
        return builder;
    }

    public static IEndpointRouteBuilder MapPublicTrackerApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/public").WithTags("Public tracker")
            .RequireRateLimiting(PublicRateLimit.Policy)
            .MapFindProviders()
            .MapViewProvider()
            .MapViewInspection()
            .MapDownloadOpenData()
            .MapFollowStatusChanges()
            .MapRebuildPublicReadModel();
        app.MapGet("/public", () => Results.Redirect("/public/providers")).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>The GOV.UK pages under /public, with the shared layout's assets and support pages (Razor Pages are mapped once per process).</summary>
    public static WebApplication MapPublicTrackerPages(this WebApplication app)
    {
        app.UseTrackingWebUi();
        app.MapRazorPagesOnce();
        return app;
    }
}
