using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tracking.IntegrationTests.Infrastructure;
using Tracking.ServiceDefaults.Security;
using Xunit.Abstractions;

namespace Tracking.IntegrationTests.FaultDrills;

/// <summary>
/// Fault drill: PostgreSQL is stopped and started under light load. Readiness reports the outage and the recovery,
/// and the services carry on without anyone restarting them.
/// </summary>
[Collection(HostCollection.Name)]
[Trait("Category", "FaultDrill")]
public sealed class When_the_database_restarts(ITestOutputHelper output) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private TestVirtualHost _vhost = null!;
    private TrackingHost _recommendations = null!;
    private TrackingHost _planning = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.Create();
        _vhost = await TestVirtualHost.Create();
        _planning = TrackingHost.Distributed("planning", _database, _vhost);
        _recommendations = TrackingHost.Distributed("recommendations", _database, _vhost);
        _ = _planning.Services;
    }

    [Fact]
    public async Task Readiness_reports_the_outage_and_the_services_recover_on_their_own()
    {
        var stream = new EvidenceStream(_recommendations.Inspector(), _recommendations.ClientAs(TrackingRoles.ProviderManager, "northumbria-crc"));
        await stream.Prepare();
        await stream.Submit(10);
        var health = _recommendations.CreateClient();

        var outage = Stopwatch.StartNew();
        await LocalServices.StopDatabase();
        JsonElement down;
        try
        {
            down = await Eventually.Get(() => Ready(health), r => r.GetProperty("status").GetString() == "Unhealthy",
                because: "readiness to report the database down");
        }
        finally
        {
            await LocalServices.StartDatabase();
        }

        down.GetProperty("checks").GetProperty("recommendations-database").GetProperty("status").GetString().ShouldBe("Unhealthy");
        await Eventually.Get(() => Ready(health), r => r.GetProperty("status").GetString() == "Healthy",
            TimeSpan.FromSeconds(60), "readiness to report recovery");
        var recoveredAfter = outage.Elapsed;

        // The first request after the restart may meet a connection the restart broke; within moments they succeed.
        var firstFailures = stream.Refused;
        await Eventually.Get(async () => { await stream.Submit(1); return stream.Accepted; }, n => n >= 11, TimeSpan.FromSeconds(30),
            "a submission to succeed after the restart");
        var failedAfterRestart = stream.Refused - firstFailures;
        await stream.Submit(10);
        var sent = await _database.Count("recommendations.outbox_messages", "\"MessageType\" = 'Tracking.Contracts.EvidenceSubmitted'");
        await Eventually.Get(() => _database.Count("planning.inbox_messages", "\"Consumer\" = 'EvidenceSubmittedConsumer'"),
            n => n >= sent, TimeSpan.FromSeconds(60), "planning to apply everything sent");
        output.WriteLine($"database down and back, readiness healthy again after {recoveredAfter.TotalSeconds:F1} s; " +
                         $"requests failed after the restart before one succeeded: {failedAfterRestart}; evidence accepted {stream.Accepted}, applied by planning {sent}");

        stream.Accepted.ShouldBe((int)sent);
        (await Ready(_planning.CreateClient())).GetProperty("status").GetString().ShouldBe("Healthy");
    }

    private static async Task<JsonElement> Ready(HttpClient client)
    {
        var response = await client.GetAsync("/health/ready");
        response.StatusCode.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task DisposeAsync()
    {
        await LocalServices.StartDatabase();
        await _recommendations.DisposeAsync();
        await _planning.DisposeAsync();
        await _vhost.DisposeAsync();
        await _database.DisposeAsync();
    }
}
