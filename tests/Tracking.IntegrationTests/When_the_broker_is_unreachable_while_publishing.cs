using System.Net;
using Tracking.IntegrationTests.Infrastructure;
using Tracking.Recommendations.Demo;

namespace Tracking.IntegrationTests;

/// <summary>
/// The transactional outbox: the recommendations service's link to RabbitMQ is cut (a real network failure between
/// it and the broker), an inspector still publishes successfully, and once the link is back every event reaches
/// planning exactly once.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class When_the_broker_is_unreachable_while_publishing : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private TestVirtualHost _vhost = null!;
    private TcpProxy _link = null!;
    private TrackingHost _recommendations = null!;
    private TrackingHost _planning = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.Create();
        _vhost = await TestVirtualHost.Create();
        _link = new TcpProxy(TestServices.RabbitMqHost, TestServices.RabbitMqPort);
        _planning = TrackingHost.Distributed("planning", _database, _vhost);
        _recommendations = TrackingHost.Distributed("recommendations", _database, _vhost, brokerPort: _link.Port);
        _ = _planning.Services;
        _ = _recommendations.Services;
    }

    [Fact]
    public async Task Publishing_succeeds_and_every_event_arrives_once_the_broker_is_back()
    {
        var inspector = _recommendations.Inspector();
        _link.Cut();
        var ready = await Eventually.Get(
            async () => (await inspector.GetAsync("/health/ready")).StatusCode,
            status => status == HttpStatusCode.ServiceUnavailable, because: "readiness to report the broker down");
        ready.ShouldBe(HttpStatusCode.ServiceUnavailable);

        await TrackingApi.RecordAndPublishNorthumbria(inspector);

        // The events are safe in the outbox, not lost and not yet delivered.
        (await _database.Count("recommendations.outbox_messages", "\"SentAt\" IS NULL")).ShouldBe(9);
        (await TrackingApi.Outstanding(_planning.Planner(), NorthumbriaDemo.ProviderId)).ShouldBeEmpty();

        _link.Resume();

        var outstanding = await Eventually.Get(
            () => TrackingApi.Outstanding(_planning.Planner(), NorthumbriaDemo.ProviderId),
            rows => rows.Count >= 8, TimeSpan.FromSeconds(60), "the outbox to drain after the broker came back");
        await Eventually.Get(() => _database.Count("planning.inbox_messages"), n => n >= 9, because: "the inspection event too");
        await Eventually.Get(() => _database.Count("recommendations.outbox_messages", "\"SentAt\" IS NULL"), n => n == 0,
            because: "the outbox to mark everything sent");

        outstanding.Count.ShouldBe(8);
        (await _database.Count("planning.inbox_messages")).ShouldBe(9);
        (await _database.Count("planning.outstanding_recommendations")).ShouldBe(8);
        _planning.Consumed.TotalFaults.ShouldBe(0);
    }

    public async Task DisposeAsync()
    {
        await Teardown.All(_recommendations, _planning, _link, _vhost, _database);
    }
}
