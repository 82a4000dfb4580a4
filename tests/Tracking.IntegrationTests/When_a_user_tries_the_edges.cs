using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Tracking.IntegrationTests.Infrastructure;
using Tracking.Recommendations.Demo;
using Tracking.ServiceDefaults.Security;

namespace Tracking.IntegrationTests;

/// <summary>
/// What a tester trying the system found at its edges, on a host in the Production environment: every error a user
/// can cause is our own problem details, far-future dates are refused, a set target date is moved only by a revision.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class When_a_user_tries_the_edges : IAsyncLifetime
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "tracking-tests", Guid.NewGuid().ToString("N"));
    private TrackingHost _host = null!;
    private HttpClient _inspector = null!;
    private HttpClient _manager = null!;
    private Guid _recommendation;

    public async Task InitializeAsync()
    {
        _host = TrackingHost.Embedded(_dataFolder, extra: new Dictionary<string, string?> { ["environment"] = "Production" });
        _inspector = _host.Inspector();
        _manager = _host.ClientAs(TrackingRoles.ProviderManager, NorthumbriaDemo.ProviderId);
        var inspection = await TrackingApi.RecordAndPublishNorthumbria(_inspector);
        var recorded = await _inspector.GetFromJsonAsync<JsonElement>($"/api/inspections/{inspection}");
        _recommendation = recorded.GetProperty("recommendations")[0].GetProperty("id").GetGuid();
    }

    [Theory]
    [InlineData("POST", "/api/inspections")]
    [InlineData("PUT", "/api/recommendations/{id}/response")]
    [InlineData("POST", "/api/recommendations/{id}/actions")]
    [InlineData("POST", "/api/recommendations/{id}/target-date-revisions")]
    [InlineData("POST", "/api/recommendations/{id}/close")]
    public async Task An_empty_body_is_a_400_problem_in_our_words_naming_the_body(string method, string route)
    {
        var client = route.Contains("response") || route.Contains("actions") || route.Contains("revisions") ? _manager : _inspector;
        using var request = new HttpRequestMessage(new HttpMethod(method), route.Replace("{id}", _recommendation.ToString()))
        {
            Content = new StringContent("", Encoding.UTF8, "application/json"),
        };

        var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var text = await response.Content.ReadAsStringAsync();
        text.ShouldNotContain("Implicit body");
        text.ShouldNotContain("parameter \"");
        JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty("body", out _).ShouldBeTrue(text);
    }

    [Fact]
    public async Task Anonymous_readiness_shows_the_status_only_and_an_inspector_sees_each_dependency()
    {
        var anonymous = await _host.CreateClient().GetFromJsonAsync<JsonElement>("/health/ready");
        var operatorView = await _inspector.GetFromJsonAsync<JsonElement>("/health/ready");

        anonymous.GetProperty("status").GetString().ShouldBe("Healthy");
        anonymous.TryGetProperty("checks", out _).ShouldBeFalse(anonymous.ToString());
        operatorView.GetProperty("checks").GetProperty("recommendations-database").GetProperty("status").GetString().ShouldBe("Healthy");
    }

    [Fact]
    public async Task A_far_future_target_date_is_a_400_naming_the_field_and_nothing_changes()
    {
        var response = await _manager.PutAsJsonAsync($"/api/recommendations/{_recommendation}/response",
            new { response = "Agreed", targetDate = "9999-12-31" }, TrackingApi.Json);
        (await _manager.PutAsJsonAsync($"/api/recommendations/{_recommendation}/response", new { response = "Agreed" }, TrackingApi.Json))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var action = await _manager.PostAsJsonAsync($"/api/recommendations/{_recommendation}/actions", new
        {
            description = "Audit home visits.",
            owner = new { name = "Sam Owner", email = "sam@example.org" },
            targetDate = "9999-12-31",
        }, TrackingApi.Json);

        await ExpectFieldError(response, "targetDate");
        await ExpectFieldError(action, "targetDate");
        var detail = await _manager.GetFromJsonAsync<JsonElement>($"/api/recommendations/{_recommendation}");
        detail.GetProperty("targetDate").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task An_amended_response_cannot_move_the_target_date_and_says_a_revision_is_the_way()
    {
        (await _manager.PutAsJsonAsync($"/api/recommendations/{_recommendation}/response",
            new { response = "Agreed", targetDate = DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(6)).ToString("yyyy-MM-dd") }, TrackingApi.Json))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var first = (await _manager.GetFromJsonAsync<JsonElement>($"/api/recommendations/{_recommendation}")).GetProperty("targetDate").GetString();

        var amended = await _manager.PutAsJsonAsync($"/api/recommendations/{_recommendation}/response",
            new { response = "Agreed", targetDate = DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(9)).ToString("yyyy-MM-dd") }, TrackingApi.Json);

        amended.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await amended.Content.ReadAsStringAsync()).ShouldContain("target-date revision");
        (await _manager.GetFromJsonAsync<JsonElement>($"/api/recommendations/{_recommendation}")).GetProperty("targetDate").GetString().ShouldBe(first);
        (await _manager.PutAsJsonAsync($"/api/recommendations/{_recommendation}/response",
            new { response = "Agreed", targetDate = first }, TrackingApi.Json)).StatusCode.ShouldBe(HttpStatusCode.OK, "the same date is no change");
    }

    [Fact]
    public async Task The_publication_history_line_names_the_person_not_their_token_subject()
    {
        var history = await _inspector.GetFromJsonAsync<List<JsonElement>>($"/api/recommendations/{_recommendation}/history", TrackingApi.Json);

        history![0].GetProperty("change").GetString().ShouldBe("Publish");
        history[0].GetProperty("byName").GetString().ShouldBe("Test inspector");
    }

    [Fact]
    public async Task An_idempotency_key_reused_with_a_different_body_is_a_422_and_changes_nothing()
    {
        (await _manager.PutAsJsonAsync($"/api/recommendations/{_recommendation}/response", new { response = "Agreed" }, TrackingApi.Json))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var targetDate = DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(3)).ToString("yyyy-MM-dd");

        var first = await PlanWithKey("plan-once", "Audit home visits.", targetDate);
        var retry = await PlanWithKey("plan-once", "Audit home visits.", targetDate);
        var different = await PlanWithKey("plan-once", "Train every officer.", targetDate);

        first.StatusCode.ShouldBe(HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        retry.StatusCode.ShouldBe(HttpStatusCode.Created);
        retry.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        different.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        different.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var actions = (await _manager.GetFromJsonAsync<JsonElement>($"/api/recommendations/{_recommendation}")).GetProperty("actions");
        actions.EnumerateArray().Select(a => a.GetProperty("description").GetString()).ShouldBe(["Audit home visits."]);
    }

    private Task<HttpResponseMessage> PlanWithKey(string key, string description, string targetDate)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/recommendations/{_recommendation}/actions")
        {
            Content = JsonContent.Create(new { description, owner = new { name = "Sam Owner", email = "sam@example.org" }, targetDate },
                options: TrackingApi.Json),
        };
        request.Headers.Add("Idempotency-Key", key);
        return _manager.SendAsync(request);
    }

    private static async Task ExpectFieldError(HttpResponseMessage response, string field)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, text);
        JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(text);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite can hold its file a moment after the host stops; the temp folder is cleaned by the OS.
        }
    }
}
