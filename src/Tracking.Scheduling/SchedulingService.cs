using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tracking.Scheduling.Data;
using Tracking.Scheduling.Deadlines;
using Tracking.Scheduling.Features.ManageFollowUpReviews;
using Tracking.Scheduling.Features.SubscribeToCalendar;
using Tracking.Scheduling.Features.ViewSchedule;
using Tracking.Scheduling.Hangfire;
using Tracking.Contracts;
using Tracking.Messaging.Bus;
using Tracking.Messaging.Topology;
using Tracking.Scheduling.Consumers;
using Tracking.ServiceDefaults.Persistence;

namespace Tracking.Scheduling;

public static class SchedulingService
{
    public const string QueueName = "scheduling";

    /// <summary>Its queue and the events it publishes, as every process (hosting it or not) must know them.</summary>
    public static readonly ServiceQueue Queue = ServiceQueue.Scan(QueueName, typeof(SchedulingQueue<>),
        typeof(DeadlineMissed), typeof(DeadlineCleared), typeof(DeadlineScheduled), typeof(DeadlineApproaching), typeof(FollowUpReviewDue));

    public static IHostApplicationBuilder AddSchedulingService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<SchedulingDbContext, SchedulingSqliteDbContext, SchedulingPostgresDbContext>(SchedulingDbContext.ServiceName);
        builder.Services.Configure<SchedulingOptions>(builder.Configuration.GetSection(SchedulingOptions.Section));
        builder.Services.AddScoped<DeadlineBook>();
        builder.Services.AddSingleton<DeadlineSweep>();
        builder.AddSchedulingHangfire();
        builder.Services.AddHostedService<DeadlineSweepSchedule>();
        builder.Services.AddHostedService<OpenDeadlinesAnnouncement>();
        builder.AddServiceMessaging<SchedulingDbContext>(Queue);
        return builder;
    }

    public static IEndpointRouteBuilder MapSchedulingApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/schedule").WithTags("Scheduling")
            .MapViewSchedule()
            .MapCalendarFeed()
            .MapCalendarFeeds()
            .MapManageFollowUpReviews();
        app.MapSchedulingDashboard();
        return app;
    }
}
