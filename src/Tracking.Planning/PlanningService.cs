using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Tracking.Planning.Data;
using Tracking.Planning.Features.ViewOutstanding;
using Tracking.Planning.Features.ViewProviderSummary;
using Tracking.Planning.ReadModel;
using Tracking.ServiceDefaults.Messaging;
using Tracking.ServiceDefaults.Persistence;

namespace Tracking.Planning;

public static class PlanningService
{
    /// <summary>All planning consumers share one queue, so the read model is fed from one place.</summary>
    public const string QueueName = "planning";

    public static IHostApplicationBuilder AddPlanningService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<PlanningDbContext, PlanningSqliteDbContext, PlanningPostgresDbContext>(PlanningDbContext.ServiceName);
        builder.AddConsumers(bus =>
        {
            bus.AddConsumer<InspectionPublishedConsumer>().Endpoint(e => e.Name = QueueName);
            bus.AddConsumer<RecommendationPublishedConsumer>().Endpoint(e => e.Name = QueueName);
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapPlanningApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/planning").WithTags("Planning")
            .MapViewOutstanding()
            .MapViewProviderSummary();
        return app;
    }
}
