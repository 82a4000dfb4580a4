using System.Diagnostics;
using Tracking.IntegrationTests.Infrastructure;
using Tracking.ServiceDefaults.Security;
using Xunit.Abstractions;

namespace Tracking.IntegrationTests.FaultDrills;

/// <summary>
/// Fault drill: the planning service runs as its own operating-system process and is killed with SIGKILL while it
/// works through a stream of evidence events; started again, it applies everything exactly once.
/// </summary>
[Collection(HostCollection.Name)]
[Trait("Category", "FaultDrill")]
public sealed class When_a_consuming_process_is_killed(ITestOutputHelper output) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private TestVirtualHost _vhost = null!;
    private TrackingHost _recommendations = null!;
    private ServerProcess _planning = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.Create();
        _vhost = await TestVirtualHost.Create();
        _planning = new ServerProcess("planning", new Dictionary<string, string?>
        {
            ["Tracking:Database"] = "PostgreSql",
            ["Tracking:Bus"] = "RabbitMq",
            ["Tracking:DataFolder"] = Path.Combine(Path.GetTempPath(), "tracking-tests", Guid.NewGuid().ToString("N")),
            ["ConnectionStrings:Tracking"] = _database.ConnectionString,
            ["ConnectionStrings:RabbitMq"] = _vhost.AmqpUri(),
            ["Tracking:Auth:SigningKey"] = TrackingHost.SharedSigningKey,
        });
        await _planning.Start();
        _recommendations = TrackingHost.Distributed("recommendations", _database, _vhost);
    }

    [Fact]
    public async Task Nothing_is_lost_and_nothing_is_applied_twice()
    {
        var stream = new EvidenceStream(_recommendations.Inspector(), _recommendations.ClientAs(TrackingRoles.ProviderManager, "northumbria-crc"));
        await stream.Prepare();
        await stream.Submit(30);

        var appliedBeforeKill = await _database.Count("planning.inbox_messages", "\"Consumer\" = 'EvidenceSubmittedConsumer'");
        _planning.Kill();
        output.WriteLine($"killed planning (SIGKILL) with {appliedBeforeKill} of 30 evidence events applied");
        await stream.Submit(30);

        var restart = Stopwatch.StartNew();
        await _planning.Start();
        var sent = await _database.Count("recommendations.outbox_messages", "\"MessageType\" = 'Tracking.Contracts.EvidenceSubmitted'");
        await Eventually.Get(() => _database.Count("planning.inbox_messages", "\"Consumer\" = 'EvidenceSubmittedConsumer'"),
            n => n >= sent, TimeSpan.FromSeconds(90), "the restarted planning process to catch up");
        output.WriteLine($"evidence sent: {sent}; applied after restart: {await _database.Count("planning.inbox_messages", "\"Consumer\" = 'EvidenceSubmittedConsumer'")}; caught up {restart.Elapsed.TotalSeconds:F1} s after restart began");

        sent.ShouldBe(60);
        (await _database.Count("planning.inbox_messages", "\"Consumer\" = 'EvidenceSubmittedConsumer'")).ShouldBe(sent);
        // Each recommendation's planning row carries the same version as the recommendation itself: every change applied once, none lost.
        (await _database.Count("planning.outstanding_recommendations p JOIN recommendations.recommendations r ON r.\"Id\" = p.\"RecommendationId\"",
            "p.\"Version\" = r.\"Version\"")).ShouldBe(8);
        (await _database.Count("recommendations.outbox_messages", "\"SentAt\" IS NULL")).ShouldBe(0);
    }

    public async Task DisposeAsync()
    {
        await Teardown.All(_planning, _recommendations, _vhost, _database);
    }
}
