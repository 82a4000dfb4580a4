using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Tracking.Planning.Data;
using Tracking.Planning.Features.RebuildReadModel;
using Tracking.Planning.Features.ExportOutstanding;
using Tracking.Planning.Features.PlanReinspection;
using Tracking.Planning.Features.ViewOutstanding;
using Tracking.Planning.Features.ViewProviderSummary;
using Tracking.Planning.Features.ViewRegions;
using Tracking.Planning.Features.ViewThemes;
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
        builder.AddConsumers(AddReadModelConsumers);
        return builder;
    }

    /// <summary>Every consumer that keeps the read model, each event type on the one planning queue.</summary>
    public static void AddReadModelConsumers(IBusRegistrationConfigurator bus)
    {
        void OnPlanningQueue<TConsumer>() where TConsumer : class, IConsumer =>
            bus.AddConsumer<TConsumer>().Endpoint(e => e.Name = QueueName);

        OnPlanningQueue<InspectionPublishedConsumer>();
        OnPlanningQueue<RecommendationPublishedConsumer>();
        OnPlanningQueue<ProviderRespondedConsumer>();
        OnPlanningQueue<ResponseAcceptedConsumer>();
        OnPlanningQueue<ActionPlannedConsumer>();
        OnPlanningQueue<ActionCompletedConsumer>();
        OnPlanningQueue<EvidenceSubmittedConsumer>();
        OnPlanningQueue<EvidenceReviewedConsumer>();
        OnPlanningQueue<TargetDateRevisionRequestedConsumer>();
        OnPlanningQueue<TargetDateRevisionDecidedConsumer>();
        OnPlanningQueue<RecommendationClosedConsumer>();
        OnPlanningQueue<DeadlineMissedConsumer>();
        OnPlanningQueue<DeadlineClearedConsumer>();
        OnPlanningQueue<ActionPlannedChecklistConsumer>();
        OnPlanningQueue<ActionCompletedChecklistConsumer>();
        OnPlanningQueue<TargetDateRevisionDecidedChecklistConsumer>();
        OnPlanningQueue<EvidenceSubmittedChecklistConsumer>();
        OnPlanningQueue<EvidenceReviewedChecklistConsumer>();
    }

    public static IEndpointRouteBuilder MapPlanningApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/planning").WithTags("Planning")
            .MapViewOutstanding()
            .MapExportOutstanding()
            .MapViewRegions()
            .MapViewThemes()
            .MapViewProviderSummary()
            .MapPlanReinspection()
            .MapViewReinspectionPlans()
            .MapExportChecklist()
            .MapRebuildReadModel();
        return app;
    }
}
