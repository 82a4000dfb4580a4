using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tracking.IntegrationTests.Infrastructure;
using Tracking.Recommendations.Demo;
using Tracking.Scheduling.Data;

namespace Tracking.IntegrationTests;

/// <summary>The embedded default: one process, SQLite files in a data folder, the in-memory bus.</summary>
[Collection(HostCollection.Name)]
public sealed class When_everything_runs_in_one_process : IDisposable
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "tracking-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_published_inspection_reaches_planning_and_scheduling()
    {
        await using var host = TrackingHost.EmbeddedOn(_dataFolder); // no template: this one shows a fresh folder is migrated
        var client = host.Planner();

        await TrackingApi.RecordAndPublishNorthumbria(host.Inspector());

        var outstanding = await Eventually.Get(
            () => TrackingApi.Outstanding(client, NorthumbriaDemo.ProviderId), rows => rows.Count >= 8, because: "eight outstanding rows");
        outstanding.Count.ShouldBe(8);
        var timed = await Eventually.Get(
            () => host.Query(sp => sp.GetRequiredService<SchedulingDbContext>().Recommendations.CountAsync()),
            n => n >= 8, because: "scheduling to record eight");
        timed.ShouldBe(8);
        File.Exists(Path.Combine(_dataFolder, "recommendations.db")).ShouldBeTrue();
        File.Exists(Path.Combine(_dataFolder, "planning.db")).ShouldBeTrue();
    }

    [Fact]
    public async Task The_demo_inspection_is_loaded_on_first_start_and_only_once()
    {
        await using (var first = TrackingHost.Embedded(_dataFolder, seedDemoData: true))
        {
            var client = first.Planner();
            var outstanding = await Eventually.Get(
                () => TrackingApi.Outstanding(client, NorthumbriaDemo.ProviderId), rows => rows.Count >= 8, because: "the demo to reach planning");
            outstanding.Count.ShouldBe(8);
        }

        await using var second = TrackingHost.Embedded(_dataFolder, seedDemoData: true);
        var again = second.Planner();
        var recommendations = await again.GetFromJsonAsync<List<JsonElement>>("/api/recommendations", TrackingApi.Json);
        recommendations!.Count.ShouldBe(8);
        (await TrackingApi.Outstanding(again, NorthumbriaDemo.ProviderId)).Count.ShouldBe(8);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataFolder))
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
    }
}
