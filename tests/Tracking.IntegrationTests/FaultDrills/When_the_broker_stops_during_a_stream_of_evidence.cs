using System.Diagnostics;
using Tracking.IntegrationTests.Infrastructure;
using Tracking.ServiceDefaults.Security;
using Xunit.Abstractions;

namespace Tracking.IntegrationTests.FaultDrills;

/// <summary>
/// Fault drill: RabbitMQ itself is stopped (rabbitmqctl stop_app) while a provider submits evidence, then started
/// again. The API keeps answering 2xx from the outbox; afterwards every event reaches planning and scheduling
/// exactly once.
/// </summary>
[Collection(HostCollection.Name)]
[Trait("Category", "FaultDrill")]
public sealed class When_the_broker_stops_during_a_stream_of_evidence(ITestOutputHelper output) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private TestVirtualHost _vhost = null!;
    private TrackingHost _recommendations = null!;
    private TrackingHost _planning = null!;
    private TrackingHost _scheduling = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.Create();
        _vhost = await TestVirtualHost.Create();
        _planning = TrackingHost.Distributed("planning", _database, _vhost);
        _scheduling = TrackingHost.Distributed("scheduling", _database, _vhost);
        _recommendations = TrackingHost.Distributed("recommendations", _database, _vhost);
        _ = _planning.Services;
        _ = _scheduling.Services;
    }

    [Fact]
    public async Task The_api_keeps_answering_and_nothing_is_lost_or_doubled()
    {
        var stream = new EvidenceStream(_recommendations.Inspector(), _recommendations.ClientAs(TrackingRoles.ProviderManager, "northumbria-crc"));
        await stream.Prepare();
        await stream.Submit(20);

        await LocalServices.StopBroker();
        Stopwatch outage;
        try
        {
            outage = Stopwatch.StartNew();
            await stream.Submit(20);
            var unsentDuringOutage = await _database.Count("recommendations.outbox_messages", "\"SentAt\" IS NULL");
            output.WriteLine($"during the outage: {unsentDuringOutage} events waiting in the outbox");
            unsentDuringOutage.ShouldBeGreaterThan(0);
        }
        finally
        {
            await LocalServices.StartBroker();
        }

        var recovery = Stopwatch.StartNew();
        await stream.Submit(20);
        var sent = await _database.Count("recommendations.outbox_messages", "\"MessageType\" = 'Tracking.Contracts.EvidenceSubmitted'");
        await Eventually.Get(() => _database.Count("planning.inbox_messages", "\"Consumer\" = 'EvidenceSubmittedConsumer'"),
            n => n >= sent, TimeSpan.FromSeconds(90), "planning to apply every evidence event");
        var recovered = recovery.Elapsed;
        await Eventually.Get(() => _database.Count("recommendations.outbox_messages", "\"SentAt\" IS NULL"), n => n == 0,
            TimeSpan.FromSeconds(60), "the outbox to drain");

        await Eventually.Get(() => _database.Count("scheduling.deadlines", "\"Kind\" = 'EvidenceReview'"), n => n >= sent,
            TimeSpan.FromSeconds(90), "scheduling to open a review deadline per piece of evidence");

        var applied = await _database.Count("planning.inbox_messages", "\"Consumer\" = 'EvidenceSubmittedConsumer'");
        var reviewDeadlines = await _database.Count("scheduling.deadlines", "\"Kind\" = 'EvidenceReview'");
        var doubledInPlanning = await EvidenceStream.AppliedTwiceByPlanning(_database);
        var doubledInScheduling = await EvidenceStream.AppliedTwiceByScheduling(_database);
        var timed = await _database.Count("scheduling.timed_recommendations");
        var duplicatesDelivered = _planning.Consumed.Redelivered;
        output.WriteLine($"evidence accepted by the API: {stream.Accepted}, refused: {stream.Refused}, slowest answer: {stream.LongestAnswer.TotalMilliseconds:F0} ms");
        output.WriteLine($"events in the outbox: {sent}, applied by planning: {applied}, review deadlines in scheduling: {reviewDeadlines}");
        output.WriteLine($"redeliveries the inbox absorbed: planning {duplicatesDelivered}, scheduling {_scheduling.Consumed.Redelivered}; "
            + $"applied twice: planning {doubledInPlanning}, scheduling {doubledInScheduling}");
        output.WriteLine($"broker down for {outage.Elapsed.TotalSeconds:F1} s; planning caught up {recovered.TotalSeconds:F1} s after it came back");

        stream.Refused.ShouldBe(0);
        stream.Accepted.ShouldBe(60);
        sent.ShouldBe(60);
        applied.ShouldBe(sent);
        (await _database.Count("planning.evidence_items")).ShouldBe(sent);
        doubledInPlanning.ShouldBe(0, "no evidence applied twice by planning");
        reviewDeadlines.ShouldBe(sent, "scheduling opened one review deadline per piece of evidence");
        doubledInScheduling.ShouldBe(0, "no review deadline opened twice");
        timed.ShouldBe(8);
        _planning.Consumed.TotalFaults.ShouldBe(0);
        _scheduling.Consumed.TotalFaults.ShouldBe(0);
    }

    public async Task DisposeAsync()
    {
        await Teardown.All(Teardown.Step(LocalServices.StartBroker), _recommendations, _scheduling, _planning, _vhost, _database);
    }
}
