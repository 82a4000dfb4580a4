using System.Diagnostics;
using Tracking.IntegrationTests.Infrastructure;
using Tracking.Recommendations.Demo;
using Xunit.Abstractions;

namespace Tracking.IntegrationTests;

/// <summary>
/// Distributed, on a fresh virtual host each time: the three services start one after another in every order, and
/// the inspection is published as soon as the recommendations service is up, before the services after it exist.
/// Every process declares every service's queue before it publishes, so nothing published early is dropped:
/// planning lists all eight recommendations (and, from scheduling, all eight overdue) and scheduling times all eight.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class When_services_start_in_any_order(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly List<TrackingHost> _hosts = [];
    private TestDatabase _database = null!;
    private TestVirtualHost _vhost = null!;

    public static TheoryData<string, string, string> StartOrders()
    {
        string[] roles = ["recommendations", "planning", "scheduling"];
        var orders = new TheoryData<string, string, string>();
        foreach (var first in roles)
        {
            foreach (var second in roles.Where(r => r != first))
            {
                orders.Add(first, second, roles.Single(r => r != first && r != second));
            }
        }

        return orders;
    }

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.Create();
        _vhost = await TestVirtualHost.Create();
    }

    [Theory]
    [MemberData(nameof(StartOrders))]
    public async Task Every_recommendation_published_before_a_service_started_reaches_it(string first, string second, string third)
    {
        var timer = Stopwatch.StartNew();
        var hosts = new Dictionary<string, TrackingHost>();
        foreach (var role in new[] { first, second, third })
        {
            var host = TrackingHost.Distributed(role, _database, _vhost);
            _hosts.Add(host);
            _ = host.Services;
            hosts[role] = host;
            if (role == "recommendations")
            {
                await TrackingApi.RecordAndPublishNorthumbria(host.Inspector());

                // All nine events have left the outbox (published and marked sent) before any later service starts.
                await Eventually.Get(() => _database.Count("recommendations.outbox_messages", "\"SentAt\" IS NOT NULL"), n => n == 9,
                    because: "the relay to publish the nine publication events");
            }
        }

        var outstanding = await Eventually.Get(() => TrackingApi.Outstanding(hosts["planning"].Planner(), NorthumbriaDemo.ProviderId),
            rows => rows.Count >= 8, TimeSpan.FromSeconds(60), "eight outstanding rows in planning");
        outstanding.Select(r => r.GetProperty("number").GetInt32()).Order().ShouldBe([1, 2, 3, 4, 5, 6, 7, 8]);

        // Scheduling times every recommendation: a response deadline each, missed at once for a report of 2020.
        await Eventually.Get(() => _database.Count("scheduling.deadlines", "\"Kind\" = 'Response'"), n => n >= 8, TimeSpan.FromSeconds(60),
            "eight response deadlines in scheduling");
        (await _database.Count("scheduling.deadlines", "\"Kind\" = 'Response'")).ShouldBe(8);

        // And what scheduling raised reached planning, whichever of the two started first.
        await Eventually.Get(() => _database.Count("planning.missed_deadlines"), n => n >= 8, TimeSpan.FromSeconds(60),
            "eight missed deadlines in planning");
        (await _database.Count("planning.missed_deadlines")).ShouldBe(8);
        (await _database.Count("planning.outstanding_recommendations")).ShouldBe(8);
        output.WriteLine($"{first} → {second} → {third}: everything arrived {timer.Elapsed.TotalSeconds:F1} s after the first start");
    }

    public async Task DisposeAsync()
    {
        try
        {
            foreach (var host in _hosts)
            {
                await host.DisposeAsync();
            }
        }
        finally
        {
            await _vhost.DisposeAsync();
            await _database.DisposeAsync();
        }
    }
}
