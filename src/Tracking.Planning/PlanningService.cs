using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Tracking.Planning.Data;
using Tracking.Planning.Features.RebuildReadModel;
using Tracking.Planning.Features.ExportOutstanding;
using Tracking.Planning.Features.PlanReinspection;
using Tracking.Planning.Features.ViewHistory;
using Tracking.Planning.Features.ViewOutstanding;
using Tracking.Planning.Features.ViewProviderSummary;
using Tracking.Planning.Features.ViewRegions;
using Tracking.Planning.Features.ViewThemes;
using Tracking.Contracts;
using Tracking.Messaging.Bus;
using Tracking.Messaging.Topology;
using Tracking.Planning.Consumers;
using Tracking.ServiceDefaults.Persistence;

namespace Tracking.Planning;

public static class PlanningService
{
    /// <summary>All planning consumers share one queue, so the read model is fed from one place.</summary>
    public const string QueueName = "planning";

    /// <summary>Its queue and what it publishes (only the replay a rebuild asks for), as every process must know them.</summary>
    public static readonly ServiceQueue Queue = ServiceQueue.Scan(QueueName, typeof(PlanningQueue<>), typeof(ReplayEvents));

    public static IHostApplicationBuilder AddPlanningService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<PlanningDbContext, PlanningSqliteDbContext, PlanningPostgresDbContext>(PlanningDbContext.ServiceName);
        builder.AddServiceMessaging<PlanningDbContext>(Queue);
        return builder;
    }

    public static IEndpointRouteBuilder MapPlanningApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/planning").WithTags("Planning")
            .MapViewOutstanding()
            .MapExportOutstanding()
            .MapViewRegions()
            .MapViewThemes()
            .MapViewProviderSummary()
            .MapViewHistory()
            .MapPlanReinspection()
            .MapViewReinspectionPlans()
            .MapExportChecklist()
            .MapRebuildReadModel();
        return app;
    }
}
