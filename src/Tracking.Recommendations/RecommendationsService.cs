using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tracking.Recommendations.Data;
using Tracking.Recommendations.Demo;
using Tracking.Recommendations.Features.ListInspections;
using Tracking.Recommendations.Features.PublishInspection;
using Tracking.Recommendations.Features.RecordInspection;
using Tracking.Recommendations.Features.ViewInspection;
using Tracking.Recommendations.Features.ViewRecommendations;
using Tracking.Recommendations.Features.ViewWorkQueues;
using Tracking.ServiceDefaults.Persistence;
using Tracking.Contracts;
using Tracking.Messaging.Bus;
using Tracking.Messaging.Topology;
using Tracking.Recommendations.Consumers;
using Tracking.ServiceDefaults.Idempotency;
using Tracking.Recommendations.Features.Shared;
using Tracking.Recommendations.Features.ViewHistory;
using Tracking.Recommendations.Features.RespondToRecommendation;
using Tracking.Recommendations.Features.AcceptResponse;
using Tracking.Recommendations.Features.CloseRecommendation;
using Tracking.Recommendations.Evidence;
using Tracking.Recommendations.Features.SubmitEvidence;
using Tracking.Recommendations.Features.DownloadEvidenceFile;
using Tracking.Recommendations.Features.ReviewEvidence;
using Tracking.Recommendations.Features.PlanAction;
using Tracking.Recommendations.Features.RequestTargetDateRevision;
using Tracking.Recommendations.Features.DecideTargetDateRevision;
using Tracking.ServiceDefaults.OpenApi;

namespace Tracking.Recommendations;

public static class RecommendationsService
{
    /// <summary>The recommendations service's own queue: only operational commands arrive on it.</summary>
    public const string QueueName = "recommendations";

    /// <summary>Its queue and the events it publishes, as every process (hosting it or not) must know them.</summary>
    public static readonly ServiceQueue Queue = ServiceQueue.Scan(QueueName, typeof(RecommendationsQueue<>),
        typeof(InspectionPublished), typeof(RecommendationPublished), typeof(ProviderResponded), typeof(ResponseAccepted),
        typeof(ActionPlanned), typeof(ActionCompleted), typeof(EvidenceSubmitted), typeof(EvidenceReviewed),
        typeof(TargetDateRevisionRequested), typeof(TargetDateRevisionDecided), typeof(RecommendationClosed));

    public static IHostApplicationBuilder AddRecommendationsService(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<RecommendationsDbContext, RecommendationsSqliteDbContext, RecommendationsPostgresDbContext>(
            RecommendationsDbContext.ServiceName);
        builder.Services.AddScoped<RecordInspectionHandler>();
        builder.Services.AddScoped<PublishInspectionHandler>();
        builder.Services.AddScoped<RecommendationCommand>();
        builder.AddServiceMessaging<RecommendationsDbContext>(Queue);
        builder.AddEvidenceStorage();
        if (builder.Configuration.GetValue("Tracking:SeedDemoData", false))
        {
            builder.Services.AddHostedService<NorthumbriaDemoSeeder>();
        }

        return builder;
    }

    public static IEndpointRouteBuilder MapRecommendationsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/inspections").WithTags("Inspections")
            .AddEndpointFilter<IdempotencyFilter<RecommendationsDbContext>>()
            .HonoursIdempotencyKey()
            .MapListInspections()
            .MapRecordInspection()
            .MapViewInspection()
            .MapPublishInspection();
        app.MapGroup("/api/recommendations").WithTags("Recommendations")
            .AddEndpointFilter<IdempotencyFilter<RecommendationsDbContext>>()
            .HonoursIdempotencyKey()
            .MapViewRecommendations()
            .MapViewWorkQueues()
            .MapViewHistory()
            .MapRespondToRecommendation()
            .MapAcceptResponse()
            .MapCloseRecommendation()
            .MapSubmitEvidence()
            .MapDownloadEvidenceFile()
            .MapReviewEvidence()
            .MapPlanAction()
            .MapCompleteAction()
            .MapRequestTargetDateRevision()
            .MapDecideTargetDateRevision();
        return app;
    }
}
