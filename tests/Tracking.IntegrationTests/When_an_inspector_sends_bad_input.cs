using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Tracking.IntegrationTests.Infrastructure;
using Tracking.Recommendations.Demo;

namespace Tracking.IntegrationTests;

/// <summary>Bad input gets a clear answer over HTTP: problem details naming the field, 404 for what does not exist, nothing written.</summary>
[Collection(HostCollection.Name)]
public sealed class When_an_inspector_sends_bad_input : IAsyncLifetime
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "tracking-tests", Guid.NewGuid().ToString("N"));
    private TrackingHost _host = null!;
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _host = TrackingHost.Embedded(_dataFolder);
        _client = _host.Inspector();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task An_invalid_inspection_is_a_400_naming_every_field_and_nothing_is_stored()
    {
        var inspection = NorthumbriaDemo.Inspection() with
        {
            OverallRating = "Excellent",
            Standards = NorthumbriaDemo.Inspection().Standards!.Take(9).ToList(),
            Recommendations = [.. NorthumbriaDemo.Inspection().Recommendations!, NorthumbriaDemo.Inspection().Recommendations![0]],
        };

        var response = await _client.PostAsJsonAsync("/api/inspections", inspection, TrackingApi.Json);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.GetProperty("overallRating").ToString().ShouldContain("RequiresImprovement");
        errors.GetProperty("standards").ToString().ShouldContain("3.2");
        errors.GetProperty("recommendations").ToString().ShouldContain("number 1");
        (await _client.GetFromJsonAsync<List<JsonElement>>("/api/recommendations"))!.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unreadable_date_is_a_400_naming_that_field()
    {
        var body = JsonSerializer.Serialize(NorthumbriaDemo.Inspection(), TrackingApi.Json)
            .Replace("\"2019-09-16\"", "\"16/09/2019\"");

        var response = await _client.PostAsync("/api/inspections", new StringContent(body, Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").TryGetProperty("fieldworkStartedOn", out _).ShouldBeTrue(problem.ToString());
        problem.TryGetProperty("exception", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task What_does_not_exist_is_a_404_problem()
    {
        var missing = Guid.NewGuid();

        var inspection = await _client.GetAsync($"/api/inspections/{missing}");
        var publish = await _client.PostAsJsonAsync($"/api/inspections/{missing}/publish", new { });
        var recommendation = await _client.GetAsync($"/api/recommendations/{missing}");
        var summary = await _client.GetAsync("/api/planning/providers/nobody/summary");

        foreach (var response in new[] { inspection, publish, recommendation, summary })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        }
    }

    [Theory]
    [InlineData("status=Bogus", "status")]
    [InlineData("overdue=perhaps", "overdue")]
    public async Task A_bad_planning_filter_is_a_400_naming_the_parameter(string query, string parameter)
    {
        var response = await _host.Planner().GetAsync($"/api/planning/outstanding?{query}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(parameter, out _).ShouldBeTrue();
    }

    [Fact]
    public async Task A_publication_date_in_the_future_is_refused_and_the_inspection_stays_a_draft()
    {
        var recorded = await _client.PostAsJsonAsync("/api/inspections", NorthumbriaDemo.Inspection(), TrackingApi.Json);
        var id = (await recorded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var response = await _client.PostAsJsonAsync($"/api/inspections/{id}/publish",
            new { publishedOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(3)) }, TrackingApi.Json);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("publishedOn", out _).ShouldBeTrue();
        var inspection = await _client.GetFromJsonAsync<JsonElement>($"/api/inspections/{id}");
        inspection.GetProperty("status").GetString().ShouldBe("Draft");
    }

    public async Task DisposeAsync()
    {
        await Teardown.All(_host, Teardown.SqliteFolder(_dataFolder));
    }
}
