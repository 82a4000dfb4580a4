using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tracking.IntegrationTests.Infrastructure;
using Tracking.Recommendations.Demo;
using Tracking.ServiceDefaults.Security;

namespace Tracking.IntegrationTests;

/// <summary>The provider's response, its amendment and acceptance, closure, history, concurrency and retried requests.</summary>
[Collection(HostCollection.Name)]
public sealed class When_a_provider_responds_and_the_inspectorate_closes : IAsyncLifetime
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "tracking-tests", Guid.NewGuid().ToString("N"));
    private TrackingHost _host = null!;
    private HttpClient _manager = null!;
    private HttpClient _inspector = null!;
    private Guid _recommendation;

    public async Task InitializeAsync()
    {
        _host = TrackingHost.Embedded(_dataFolder);
        _inspector = _host.Inspector();
        _manager = _host.ClientAs(TrackingRoles.ProviderManager, NorthumbriaDemo.ProviderId);
        var inspection = await TrackingApi.RecordAndPublishNorthumbria(_inspector);
        var recorded = await _inspector.GetFromJsonAsync<JsonElement>($"/api/inspections/{inspection}");
        _recommendation = recorded.GetProperty("recommendations")[0].GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task A_response_can_be_amended_until_accepted_and_every_version_is_kept()
    {
        (await Respond(new { response = "PartlyAgreed", rationale = "Home visits depend on staffing." })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var amended = await Respond(new { response = "Agreed" });
        amended.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await amended.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("response").GetProperty("version").GetInt32().ShouldBe(2);

        var accepted = await _inspector.PostAsJsonAsync($"/api/recommendations/{_recommendation}/response/acceptance", new { comment = "Plan is credible." });
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("response").GetProperty("accepted").GetBoolean().ShouldBeTrue();

        var tooLate = await Respond(new { response = "NotAgreed", rationale = "Changed our minds." });
        tooLate.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await tooLate.Content.ReadAsStringAsync()).ShouldContain("accepted");

        var history = await History();
        history.Select(h => h.GetProperty("change").GetString()).ShouldBe(["Publish", "Respond", "Respond", "AcceptResponse"]);
        history[1].GetProperty("what").GetString()!.ShouldContain("PartlyAgreed");
        history[1].GetProperty("why").GetString().ShouldBe("Home visits depend on staffing.");
        history[1].GetProperty("by").GetString().ShouldBe("test-provider-manager");
        history[3].GetProperty("by").GetString().ShouldBe("test-inspector");
        history.Select(h => h.GetProperty("sequence").GetInt32()).ShouldBe([1, 2, 3, 4]);
    }

    [Fact]
    public async Task A_rationale_is_required_unless_agreed_and_bad_values_are_named()
    {
        var missingRationale = await Respond(new { response = "NotAgreed" });
        var badKind = await Respond(new { response = "Maybe" });
        var pastDate = await Respond(new { response = "Agreed", targetDate = "2020-01-01" });

        (await Errors(missingRationale)).TryGetProperty("rationale", out _).ShouldBeTrue();
        (await Errors(badKind)).TryGetProperty("response", out _).ShouldBeTrue();
        (await Errors(pastDate)).TryGetProperty("targetDate", out _).ShouldBeTrue();
        (await History()).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_closed_recommendation_accepts_no_further_changes()
    {
        var closed = await _inspector.PostAsJsonAsync($"/api/recommendations/{_recommendation}/close",
            new { closedAs = "NotImplemented", comment = "Provider ceased; transferred to successor." });
        closed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var detail = await closed.Content.ReadFromJsonAsync<JsonElement>();
        detail.GetProperty("status").GetString().ShouldBe("Closed");
        detail.GetProperty("closedAs").GetString().ShouldBe("NotImplemented");

        (await Respond(new { response = "Agreed" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await _inspector.PostAsJsonAsync($"/api/recommendations/{_recommendation}/close", new { closedAs = "Implemented", comment = "again" }))
            .StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await History()).Last().GetProperty("why").GetString().ShouldBe("Provider ceased; transferred to successor.");
    }

    [Fact]
    public async Task Closing_needs_a_kind_and_a_comment_and_only_the_inspectorate_may()
    {
        var noComment = await _inspector.PostAsJsonAsync($"/api/recommendations/{_recommendation}/close", new { closedAs = "Implemented" });
        var byManager = await _manager.PostAsJsonAsync($"/api/recommendations/{_recommendation}/close", new { closedAs = "Implemented", comment = "done" });
        var byPlanner = await _host.Planner().PostAsJsonAsync($"/api/recommendations/{_recommendation}/close", new { closedAs = "Implemented", comment = "done" });

        (await Errors(noComment)).TryGetProperty("comment", out _).ShouldBeTrue();
        byManager.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        byPlanner.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await _inspector.GetFromJsonAsync<JsonElement>($"/api/recommendations/{_recommendation}")).GetProperty("status").GetString().ShouldBe("AwaitingResponse");
    }

    [Fact]
    public async Task Managers_acting_at_once_lose_no_update()
    {
        var managers = Enumerable.Range(0, 8).Select(i => _host.ClientAs(TrackingRoles.ProviderManager, NorthumbriaDemo.ProviderId)).ToList();

        var answers = await Task.WhenAll(managers.Select((m, i) =>
            m.PutAsJsonAsync($"/api/recommendations/{_recommendation}/response", new { response = "PartlyAgreed", rationale = $"Version from manager {i}" })));

        answers.ShouldAllBe(a => a.StatusCode == HttpStatusCode.OK || a.StatusCode == HttpStatusCode.Conflict);
        var succeeded = answers.Count(a => a.StatusCode == HttpStatusCode.OK);
        succeeded.ShouldBeGreaterThan(0);
        var detail = await _inspector.GetFromJsonAsync<JsonElement>($"/api/recommendations/{_recommendation}");
        detail.GetProperty("response").GetProperty("version").GetInt32().ShouldBe(succeeded);
        (await History()).Count.ShouldBe(1 + succeeded);
    }

    [Fact]
    public async Task A_retried_request_with_the_same_idempotency_key_has_no_second_effect()
    {
        async Task<HttpResponseMessage> Send()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/recommendations/{_recommendation}/close")
            {
                Content = JsonContent.Create(new { closedAs = "Implemented", comment = "Verified at follow-up." }),
            };
            request.Headers.Add("Idempotency-Key", "close-rec-1");
            return await _inspector.SendAsync(request);
        }

        var first = await Send();
        var retry = await Send();

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        retry.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await retry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32()
            .ShouldBe((await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());
        (await History()).Count(h => h.GetProperty("change").GetString() == "Close").ShouldBe(1);
    }

    private Task<HttpResponseMessage> Respond(object body) => _manager.PutAsJsonAsync($"/api/recommendations/{_recommendation}/response", body);

    private async Task<List<JsonElement>> History() =>
        (await _inspector.GetFromJsonAsync<List<JsonElement>>($"/api/recommendations/{_recommendation}/history"))!;

    private static async Task<JsonElement> Errors(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
    }

    public async Task DisposeAsync()
    {
        await Teardown.All(_host, Teardown.SqliteFolder(_dataFolder));
    }
}
