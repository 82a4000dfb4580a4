using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tracking.IntegrationTests.Infrastructure;
using Tracking.Recommendations.Demo;
using Tracking.Scheduling.Data;

namespace Tracking.IntegrationTests;

/// <summary>
/// The walking skeleton's journey, distributed: three server hosts, each with one role, sharing only a real
/// RabbitMQ and a real PostgreSQL. An inspector publishes Northumbria CRC's inspection; a planner sees its
/// eight recommendations outstanding; the scheduling service has all eight to time.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class When_an_inspection_is_published_across_separate_services : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private TestVirtualHost _vhost = null!;
    private TrackingHost _recommendations = null!;
    private TrackingHost _scheduling = null!;
    private TrackingHost _planning = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.Create();
        _vhost = await TestVirtualHost.Create();
        _recommendations = TrackingHost.Distributed("recommendations", _database, _vhost);
        _scheduling = TrackingHost.Distributed("scheduling", _database, _vhost);
        _planning = TrackingHost.Distributed("planning", _database, _vhost);
        foreach (var host in new[] { _scheduling, _planning, _recommendations })
        {
            _ = host.Services;
        }
    }

    [Fact]
    public async Task The_planner_sees_eight_outstanding_and_scheduling_recorded_eight()
    {
        var inspectionId = await TrackingApi.RecordAndPublishNorthumbria(_recommendations.Inspector());

        var planner = _planning.Planner();
        var outstanding = await Eventually.Get(
            () => TrackingApi.Outstanding(planner, NorthumbriaDemo.ProviderId),
            rows => rows.Count >= 8 && rows.All(r => r.GetProperty("nextDueOn").GetString() == "2020-04-07"),
            because: "eight outstanding rows, each due on its response deadline (a row whose deadline is still on its way sorts last)");
        outstanding.Select(r => r.GetProperty("number").GetInt32()).ShouldBe([1, 2, 3, 4, 5, 6, 7, 8]);
        outstanding.ShouldAllBe(r => r.GetProperty("status").GetString() == "AwaitingResponse");
        outstanding.ShouldAllBe(r => r.GetProperty("inspectionId").GetGuid() == inspectionId);
        outstanding[0].GetProperty("provider").GetProperty("region").GetString().ShouldBe("North East");

        var timed = await Eventually.Get(
            () => _scheduling.Query(sp => sp.GetRequiredService<SchedulingDbContext>().Recommendations
                .CountAsync(r => r.ProviderId == NorthumbriaDemo.ProviderId)),
            count => count >= 8, because: "scheduling to record eight recommendations");
        timed.ShouldBe(8);

        var summary = await Eventually.Get(
            async () => await planner.GetFromJsonAsync<JsonElement>($"/api/planning/providers/{NorthumbriaDemo.ProviderId}/summary"),
            s => s.GetProperty("lastInspection").ValueKind == JsonValueKind.Object, because: "the inspection to reach planning");
        summary.GetProperty("outstanding").GetInt32().ShouldBe(8);
        summary.GetProperty("lastInspection").GetProperty("overallRating").GetString().ShouldBe("RequiresImprovement");
        summary.GetProperty("lastInspection").GetProperty("publishedOn").GetString().ShouldBe("2020-02-11");

        // Nothing arrived twice: the planning host applied each of the nine publication events exactly once.
        (await _database.Count("planning.inbox_messages", "\"Consumer\" IN ('InspectionPublishedConsumer', 'RecommendationPublishedConsumer')")).ShouldBe(9);
        (await _database.Count("planning.outstanding_recommendations")).ShouldBe(8);
    }

    [Fact]
    public async Task A_historical_report_shows_its_missed_response_deadlines_as_overdue_to_the_planner()
    {
        await TrackingApi.RecordAndPublishNorthumbria(_recommendations.Inspector());

        // Published 11 February 2020: the 40-working-day response deadline passed years ago, so scheduling
        // reports it missed at once and planning counts every recommendation overdue.
        var overdue = await Eventually.Get(
            async () => TrackingApi.Items(await _planning.Planner().GetFromJsonAsync<JsonElement>(
                $"/api/planning/outstanding?providerId={NorthumbriaDemo.ProviderId}&overdue=true", TrackingApi.Json)),
            rows => rows.Count >= 8, TimeSpan.FromSeconds(60), "eight overdue recommendations");
        overdue.Count.ShouldBe(8);
        overdue.ShouldAllBe(r => r.GetProperty("daysOverdue").GetInt32() > 365 * 5);
        var summary = await _planning.Planner().GetFromJsonAsync<JsonElement>($"/api/planning/providers/{NorthumbriaDemo.ProviderId}/summary");
        summary.GetProperty("overdue").GetInt32().ShouldBe(8);
        (await _database.Count("scheduling.outbox_messages", "\"MessageType\" = 'Tracking.Contracts.DeadlineMissed'")).ShouldBe(8);
    }

    [Fact]
    public async Task Publishing_twice_is_refused_and_raises_no_second_set_of_events()
    {
        var client = _recommendations.Inspector();
        var inspectionId = await TrackingApi.RecordAndPublishNorthumbria(client);

        var again = await client.PostAsJsonAsync($"/api/inspections/{inspectionId}/publish", new { }, TrackingApi.Json);

        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        again.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await again.Content.ReadAsStringAsync()).ShouldContain("already published");
        (await _database.Count("recommendations.outbox_messages")).ShouldBe(9);
        var recommendations = await client.GetFromJsonAsync<List<JsonElement>>(
            $"/api/recommendations?providerId={NorthumbriaDemo.ProviderId}", TrackingApi.Json);
        recommendations!.Count.ShouldBe(8);
    }

    [Fact]
    public async Task Each_host_serves_only_its_own_role_and_reports_its_dependencies_ready()
    {
        (await _planning.Inspector().GetAsync("/api/inspections/" + Guid.NewGuid())).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _recommendations.Planner().GetAsync("/api/planning/outstanding")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var ready = await _planning.Inspector().GetFromJsonAsync<JsonElement>("/health/ready");
        ready.GetProperty("status").GetString().ShouldBe("Healthy");
        var checks = ready.GetProperty("checks");
        checks.GetProperty("planning-database").GetProperty("status").GetString().ShouldBe("Healthy");
        checks.GetProperty("masstransit-bus").GetProperty("status").GetString().ShouldBe("Healthy");
        checks.TryGetProperty("recommendations-database", out _).ShouldBeFalse();
    }

    public async Task DisposeAsync()
    {
        await Teardown.All(_recommendations, _scheduling, _planning, _vhost, _database);
    }
}
