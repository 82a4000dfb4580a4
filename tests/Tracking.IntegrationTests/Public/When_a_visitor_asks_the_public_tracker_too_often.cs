using System.Net;
using Tracking.IntegrationTests.Infrastructure;

namespace Tracking.IntegrationTests.Public;

/// <summary>The public routes have their own limit per address, which signed-in callers do not escape.</summary>
[Collection(HostCollection.Name)]
public sealed class When_a_visitor_asks_the_public_tracker_too_often : IAsyncLifetime
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "tracking-tests", Guid.NewGuid().ToString("N"));
    private TrackingHost _host = null!;

    public Task InitializeAsync()
    {
        _host = TrackingHost.Embedded(_dataFolder, extra: new Dictionary<string, string?>
        {
            ["Tracking:RateLimits:PublicPerAddress"] = "3",
            ["Tracking:RateLimits:Window"] = "00:10:00",
        });
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_request_over_the_limit_is_refused_with_a_time_to_wait_even_when_signed_in()
    {
        var planner = _host.Planner();
        for (var i = 0; i < 3; i++)
        {
            (await planner.GetAsync("/api/public/providers")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var refused = await _host.CreateClient().GetAsync("/api/public/open-data/recommendations.csv");

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        int.Parse(refused.Headers.GetValues("Retry-After").Single()).ShouldBeGreaterThan(0);
        (await planner.GetAsync("/api/planning/outstanding")).StatusCode.ShouldBe(HttpStatusCode.OK, "other routes keep their own limits");
    }

    public async Task DisposeAsync() => await Teardown.All(_host, Teardown.SqliteFolder(_dataFolder));
}
