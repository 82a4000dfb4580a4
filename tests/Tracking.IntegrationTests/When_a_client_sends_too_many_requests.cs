using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tracking.IntegrationTests.Infrastructure;
using Tracking.Recommendations.Demo;
using Tracking.ServiceDefaults.Security;

namespace Tracking.IntegrationTests;

/// <summary>With a tiny limit configured, writes per person and anonymous requests per address are refused with 429 and Retry-After.</summary>
[Collection(HostCollection.Name)]
public sealed class When_a_client_sends_too_many_requests
{
    [Fact]
    public async Task Writes_past_the_limit_are_a_429_problem_with_retry_after_and_reads_carry_on()
    {
        await using var host = Host(writes: 3, anonymous: 1000);
        var inspector = host.Inspector();
        var inspection = await TrackingApi.RecordAndPublishNorthumbria(inspector); // two writes
        var manager = host.ClientAs(TrackingRoles.ProviderManager, NorthumbriaDemo.ProviderId);
        var recommendation = (await inspector.GetFromJsonAsync<JsonElement>($"/api/inspections/{inspection}"))
            .GetProperty("recommendations")[0].GetProperty("id").GetGuid();

        (await inspector.PostAsJsonAsync("/api/inspections", NorthumbriaDemo.Inspection(), TrackingApi.Json)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var refused = await inspector.PostAsJsonAsync("/api/inspections", NorthumbriaDemo.Inspection(), TrackingApi.Json);
        var someoneElse = await manager.PutAsJsonAsync($"/api/recommendations/{recommendation}/response", new { response = "Agreed" }, TrackingApi.Json);

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter.ShouldNotBeNull();
        refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        someoneElse.StatusCode.ShouldBe(HttpStatusCode.OK, "the limit is per person");
        (await inspector.GetAsync($"/api/inspections/{inspection}")).StatusCode.ShouldBe(HttpStatusCode.OK, "reads are not limited");
    }

    [Fact]
    public async Task Anonymous_requests_past_the_limit_are_a_429_problem_with_retry_after()
    {
        await using var host = Host(writes: 1000, anonymous: 2);
        var anonymous = host.CreateClient();

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add(await anonymous.GetAsync("/health/live"));
        }

        answers.Take(2).ShouldAllBe(a => a.StatusCode == HttpStatusCode.OK);
        answers[2].StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        answers[2].Headers.RetryAfter.ShouldNotBeNull();
        answers[2].Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    private static TrackingHost Host(int writes, int anonymous) => TrackingHost.Embedded(
        Path.Combine(Path.GetTempPath(), "tracking-tests", Guid.NewGuid().ToString("N")),
        extra: new Dictionary<string, string?>
        {
            ["Tracking:RateLimits:Window"] = "00:10:00",
            ["Tracking:RateLimits:WritesPerUser"] = writes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Tracking:RateLimits:AnonymousPerAddress"] = anonymous.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
}
