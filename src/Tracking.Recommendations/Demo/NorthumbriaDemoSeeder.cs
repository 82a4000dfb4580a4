using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tracking.Recommendations.Data;
using Tracking.Recommendations.Features.PublishInspection;
using Tracking.Recommendations.Features.RecordInspection;

namespace Tracking.Recommendations.Demo;

/// <summary>Loads and publishes the Northumbria inspection on first start of an empty embedded system.</summary>
public sealed class NorthumbriaDemoSeeder(IServiceScopeFactory scopes, ILogger<NorthumbriaDemoSeeder> logger) : IHostedService
{
    /// <summary>Who the history says recorded and published the demo: the system, not a person.</summary>
    public const string DemoActor = "system:demo-data";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RecommendationsDbContext>();
        if (await db.Inspections.AnyAsync(cancellationToken))
        {
            return;
        }

        var inspection = await scope.ServiceProvider.GetRequiredService<RecordInspectionHandler>()
            .Handle(NorthumbriaDemo.Inspection(), DemoActor, cancellationToken);
        await scope.ServiceProvider.GetRequiredService<PublishInspectionHandler>()
            .Handle(inspection.Id, NorthumbriaDemo.PublishedOn, DemoActor, null, cancellationToken);
        logger.LogInformation("Loaded the demo inspection of {Provider} ({Count} recommendations)",
            inspection.ProviderName, inspection.Recommendations.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
