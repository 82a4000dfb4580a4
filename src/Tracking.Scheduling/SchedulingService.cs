using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Tracking.Scheduling.Data;
using Tracking.Scheduling.Hangfire;
using Tracking.Scheduling.Timers;
using Tracking.ServiceDefaults.Messaging;
using Tracking.ServiceDefaults.Persistence;

namespace Tracking.Scheduling;

public static class SchedulingService
{
    public const string QueueName = "scheduling";

    public static IHostApplicationBuilder AddSchedulingService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<SchedulingDbContext, SchedulingSqliteDbContext, SchedulingPostgresDbContext>(SchedulingDbContext.ServiceName);
        builder.AddSchedulingHangfire();
        builder.AddConsumers(bus => bus.AddConsumer<RecommendationPublishedConsumer>().Endpoint(e => e.Name = QueueName));
        return builder;
    }

    public static IEndpointRouteBuilder MapSchedulingApi(this IEndpointRouteBuilder app) => app.MapSchedulingDashboard();
}
