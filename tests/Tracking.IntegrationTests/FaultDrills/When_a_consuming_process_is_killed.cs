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
        using var stop = new CancellationTokenSource();
        var streaming = stream.SubmitUntil(stop.Token);

        // Kill once planning is part-way through: some evidence applied, and the stream still running past the kill.
        await Eventually.Get(Applied, n => n >= 5, TimeSpan.FromSeconds(60), "planning to apply the first evidence");
        _planning.Kill();
        var appliedAtKill = await Applied();
        var acceptedAtKill = stream.Accepted;
        await Eventually.Get(() => Task.FromResult(stream.Accepted), n => n >= acceptedAtKill + 20, TimeSpan.FromSeconds(60),
            "twenty more submissions while planning is down");
        await stop.CancelAsync();
        await streaming;
        output.WriteLine($"killed planning (SIGKILL) with {appliedAtKill} evidence events applied of {acceptedAtKill} accepted; {stream.Accepted} accepted in all");

        var restart = Stopwatch.StartNew();
        await _planning.Start();
        var sent = await _database.Count("recommendations.outbox_messages", "\"MessageType\" = 'Tracking.Contracts.EvidenceSubmitted'");
        await Eventually.Get(Applied, n => n >= sent, TimeSpan.FromSeconds(90), "the restarted planning process to catch up");
        output.WriteLine($"evidence sent: {sent}; applied after restart: {await Applied()}; caught up {restart.Elapsed.TotalSeconds:F1} s after restart began");

        stream.Refused.ShouldBe(0);
        sent.ShouldBe(stream.Accepted);
        appliedAtKill.ShouldBeGreaterThan(0, "the kill must land after planning started applying");
        appliedAtKill.ShouldBeLessThan(sent, "the kill must land before planning had everything");
        (await Applied()).ShouldBe(sent);
        (await _database.Count("planning.evidence_items")).ShouldBe(sent, "one planning row per piece of evidence: none lost");
        (await EvidenceStream.AppliedTwiceByPlanning(_database)).ShouldBe(0, "no evidence applied twice");
        (await _database.Count("recommendations.outbox_messages", "\"SentAt\" IS NULL")).ShouldBe(0);
    }

    private Task<long> Applied() => _database.Count("planning.inbox_messages", "\"Consumer\" = 'EvidenceSubmittedConsumer'");

    public async Task DisposeAsync()
    {
        await Teardown.All(_planning, _recommendations, _vhost, _database);
    }
}
