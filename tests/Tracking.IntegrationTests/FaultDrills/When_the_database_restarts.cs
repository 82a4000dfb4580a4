using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tracking.IntegrationTests.Infrastructure;
using Tracking.ServiceDefaults.Security;
using Xunit.Abstractions;

namespace Tracking.IntegrationTests.FaultDrills;

/// <summary>
/// Fault drill: PostgreSQL is stopped and started under light load, with requests sent while it is away. Readiness
/// reports the outage and the recovery, requests meeting the outage are 503 with Retry-After (never 500), and the
/// services carry on without anyone restarting them.
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
    public async Task Requests_during_the_outage_are_503s_never_500s_and_the_services_recover_on_their_own()
    {
        var manager = _recommendations.ClientAs(TrackingRoles.ProviderManager, "northumbria-crc");
        var stream = new EvidenceStream(_recommendations.Inspector(), manager);
        await stream.Prepare();
        await stream.Submit(10);
        // Readiness details are for a signed-in operator; an anonymous caller sees the status only.
        var health = _recommendations.Inspector();
        var probes = new OutageProbes(manager, stream.Recommendations[0]);

        var outage = Stopwatch.StartNew();
        await LocalServices.StopDatabase();
        JsonElement down;
        try
        {
            down = await Eventually.Get(async () => { await probes.Send(); return await Ready(health); },
                r => r.GetProperty("status").GetString() == "Unhealthy", because: "readiness to report the database down");
            await probes.Send();
        }
        finally
        {
            await LocalServices.StartDatabase();
        }

        down.GetProperty("checks").GetProperty("recommendations-database").GetProperty("status").GetString().ShouldBe("Unhealthy");
        await Eventually.Get(async () => { await probes.Send(); return await Ready(health); }, r => r.GetProperty("status").GetString() == "Healthy",
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
                         $"requests during the outage: {probes.Summary}; " +
                         $"requests failed after the restart before one succeeded: {failedAfterRestart}; evidence accepted {stream.Accepted}, applied by planning {sent}");

        probes.Unexpected.ShouldBeEmpty("every answer during the outage is a success or a 503 problem with Retry-After");
        probes.Unavailable.ShouldBeGreaterThan(0, "some requests met the outage, or the drill proved nothing");
        (await probes.Read()).StatusCode.ShouldBe(HttpStatusCode.OK, "reads succeed after the restart");
        (await probes.Write()).StatusCode.ShouldBe(HttpStatusCode.OK, "writes succeed after the restart");
        stream.Accepted.ShouldBe((int)sent);
        (await Ready(_planning.Inspector())).GetProperty("status").GetString().ShouldBe("Healthy");
    }

    /// <summary>A read and a write sent while the database is away, keeping every answer that was not a success or a proper 503.</summary>
    private sealed class OutageProbes(HttpClient manager, Guid recommendation)
    {
        private readonly Dictionary<int, int> _counts = [];

        public List<string> Unexpected { get; } = [];

        public int Unavailable => _counts.GetValueOrDefault(503);

        public string Summary => string.Join(", ", _counts.OrderBy(c => c.Key).Select(c => $"{c.Value} × {c.Key}"));

        public Task<HttpResponseMessage> Read() => manager.GetAsync($"/api/recommendations/{recommendation}");

        public Task<HttpResponseMessage> Write() =>
            manager.PutAsJsonAsync($"/api/recommendations/{recommendation}/response", new { response = "Agreed" });

        public async Task Send()
        {
            foreach (var response in new[] { await Read(), await Write() })
            {
                var code = (int)response.StatusCode;
                _counts[code] = _counts.GetValueOrDefault(code) + 1;
                var proper503 = code == 503 && response.Headers.RetryAfter is not null
                                && response.Content.Headers.ContentType?.MediaType == "application/problem+json";
                if (code is < 200 or >= 300 && !proper503)
                {
                    Unexpected.Add($"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri!.AbsolutePath} → {code}: " +
                                   await response.Content.ReadAsStringAsync());
                }
            }
        }
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
