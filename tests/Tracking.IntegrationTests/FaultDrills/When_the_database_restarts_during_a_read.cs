using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tracking.IntegrationTests.Infrastructure;
using Tracking.Recommendations.Demo;
using Tracking.ServiceDefaults.Security;
using Xunit.Abstractions;

namespace Tracking.IntegrationTests.FaultDrills;

/// <summary>
/// Fault drill: PostgreSQL restarts while a read is being answered. The read is retried until the database is back
/// and answers 200; a write sent meanwhile is not retried and fails fast with a 503 the client may resend.
/// </summary>
[Collection(HostCollection.Name)]
[Trait("Category", "FaultDrill")]
public sealed class When_the_database_restarts_during_a_read(ITestOutputHelper output) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private TestVirtualHost _vhost = null!;
    private TrackingHost _recommendations = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.Create();
        _vhost = await TestVirtualHost.Create();
        _recommendations = TrackingHost.Distributed("recommendations", _database, _vhost);
    }

    [Fact]
    public async Task The_read_waits_for_the_database_and_succeeds_while_a_write_fails_fast()
    {
        var inspector = _recommendations.Inspector();
        var manager = _recommendations.ClientAs(TrackingRoles.ProviderManager, NorthumbriaDemo.ProviderId);
        var inspection = await TrackingApi.RecordAndPublishNorthumbria(inspector);
        var recommendation = (await inspector.GetFromJsonAsync<JsonElement>($"/api/inspections/{inspection}"))
            .GetProperty("recommendations")[0].GetProperty("id").GetGuid();
        (await manager.GetAsync($"/api/recommendations/{recommendation}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var outage = Stopwatch.StartNew();
        Task<HttpResponseMessage> read;
        HttpResponseMessage write;
        TimeSpan writeTook;
        bool readWaitedForTheDatabase;
        await LocalServices.StopDatabase();
        try
        {
            read = manager.GetAsync($"/api/recommendations/{recommendation}");
            var writing = Stopwatch.StartNew();
            write = await manager.PutAsJsonAsync($"/api/recommendations/{recommendation}/response", new { response = "Agreed" });
            writeTook = writing.Elapsed;

            // Readiness seeing the database down means the read has met the outage too, not slipped in before it.
            await Eventually.Get(() => Ready(inspector), status => status == "Unhealthy", because: "readiness to report the database down");
            readWaitedForTheDatabase = !read.IsCompleted;
        }
        finally
        {
            await LocalServices.StartDatabase();
        }

        var answer = await read;
        output.WriteLine($"database down and back in {outage.Elapsed.TotalSeconds:F1} s; the write answered {(int)write.StatusCode} " +
                         $"in {writeTook.TotalMilliseconds:F0} ms; the read answered {(int)answer.StatusCode} once the database was back");

        answer.StatusCode.ShouldBe(HttpStatusCode.OK, await answer.Content.ReadAsStringAsync());
        readWaitedForTheDatabase.ShouldBeTrue("the read was still waiting for the database when it came back");
        (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid().ShouldBe(recommendation);
        write.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, await write.Content.ReadAsStringAsync());
        write.Headers.RetryAfter.ShouldNotBeNull();
        writeTook.ShouldBeLessThan(TimeSpan.FromSeconds(2), "a write is not retried");
        (await manager.PutAsJsonAsync($"/api/recommendations/{recommendation}/response", new { response = "Agreed" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK, "the write succeeds when sent again");
    }

    private static async Task<string?> Ready(HttpClient client)
    {
        var response = await client.GetAsync("/health/ready");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString();
    }

    public async Task DisposeAsync()
    {
        await Teardown.All(Teardown.Step(LocalServices.StartDatabase), _recommendations, _vhost, _database);
    }
}
