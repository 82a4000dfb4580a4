using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tracking.Scheduling.Data;
using Tracking.Scheduling.Deadlines;
using Tracking.Scheduling.Features.ManageFollowUpReviews;
using Tracking.Scheduling.Features.ViewSchedule;
using Tracking.Scheduling.Hangfire;
using Tracking.Scheduling.Timers;
using Tracking.ServiceDefaults.Messaging;
using Tracking.ServiceDefaults.Outbox;
using Tracking.ServiceDefaults.Persistence;

namespace Tracking.Scheduling;

public static class SchedulingService
{
    public const string QueueName = "scheduling";

    public static IHostApplicationBuilder AddSchedulingService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<SchedulingDbContext, SchedulingSqliteDbContext, SchedulingPostgresDbContext>(SchedulingDbContext.ServiceName);
        builder.Services.Configure<SchedulingOptions>(builder.Configuration.GetSection(SchedulingOptions.Section));
        builder.Services.AddScoped<DeadlineBook>();
        builder.Services.AddSingleton<DeadlineSweep>();
        builder.AddSchedulingHangfire();
        builder.Services.AddHostedService<DeadlineSweepSchedule>();
        builder.AddConsumers(AddTimerConsumers);
        return builder;
    }

    /// <summary>Every consumer that turns recommendation events into timers, all on the one scheduling queue.</summary>
    public static void AddTimerConsumers(IBusRegistrationConfigurator bus)
    {
        void OnSchedulingQueue<TConsumer>() where TConsumer : class, IConsumer =>
            bus.AddConsumer<TConsumer>().Endpoint(e => e.Name = QueueName);

        OnSchedulingQueue<InspectionPublishedConsumer>();
        OnSchedulingQueue<RecommendationPublishedConsumer>();
        OnSchedulingQueue<ProviderRespondedConsumer>();
        OnSchedulingQueue<ResponseAcceptedConsumer>();
        OnSchedulingQueue<ActionPlannedConsumer>();
        OnSchedulingQueue<ActionCompletedConsumer>();
        OnSchedulingQueue<TargetDateRevisionDecidedConsumer>();
        OnSchedulingQueue<EvidenceSubmittedConsumer>();
        OnSchedulingQueue<EvidenceReviewedConsumer>();
        OnSchedulingQueue<RecommendationClosedConsumer>();
        OnSchedulingQueue<ReplayEventsConsumer<SchedulingDbContext>>();
    }

    public static IEndpointRouteBuilder MapSchedulingApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/schedule").WithTags("Scheduling")
            .MapViewSchedule()
            .MapCalendarFeed()
            .MapManageFollowUpReviews();
        app.MapSchedulingDashboard();
        return app;
    }
}
