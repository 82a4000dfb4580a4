using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tracking.IntegrationTests.Infrastructure;
using Tracking.Recommendations.Demo;
using Tracking.ServiceDefaults.Security;

namespace Tracking.IntegrationTests;

/// <summary>The planning view follows a recommendation from response to closure, and closed ones leave the outstanding list.</summary>
[Collection(HostCollection.Name)]
public sealed class When_planners_follow_a_recommendation : IAsyncLifetime
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "tracking-tests", Guid.NewGuid().ToString("N"));
    private TrackingHost _host = null!;
    private HttpClient _inspector = null!;
    private HttpClient _planner = null!;
    private HttpClient _manager = null!;
    private Guid _recommendation;

    public async Task InitializeAsync()
    {
        _host = TrackingHost.Embedded(_dataFolder);
        _inspector = _host.Inspector();
        _planner = _host.Planner();
        _manager = _host.ClientAs(TrackingRoles.ProviderManager, NorthumbriaDemo.ProviderId);
        var inspection = await TrackingApi.RecordAndPublishNorthumbria(_inspector);
        var recorded = await _inspector.GetFromJsonAsync<JsonElement>($"/api/inspections/{inspection}");
        _recommendation = recorded.GetProperty("recommendations")[0].GetProperty("id").GetGuid();
        await Eventually.Get(() => Outstanding(), rows => rows.Count == 8, because: "the eight recommendations to reach planning");
    }

    [Fact]
    public async Task The_response_sets_the_due_date_and_closure_moves_it_out_of_the_outstanding_list()
    {
        var targetDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(90));

        var responded = await _manager.PutAsJsonAsync($"/api/recommendations/{_recommendation}/response",
            new { response = "Agreed", targetDate = targetDate.ToString("yyyy-MM-dd") });

        responded.StatusCode.ShouldBe(HttpStatusCode.OK, await responded.Content.ReadAsStringAsync());
        // Two events reach planning: the new state, and scheduling's news that the (long missed) response deadline is met.
        var rows = await Eventually.Get(() => Outstanding(), rows => Find(rows)?.GetProperty("status").GetString() == "InProgress"
                && Find(rows)?.GetProperty("nextDueOn").GetString() == targetDate.ToString("yyyy-MM-dd"),
            because: "the response to reach planning");
        var row = Find(rows)!.Value;
        row.GetProperty("nextDueOn").GetString().ShouldBe(targetDate.ToString("yyyy-MM-dd"));
        row.GetProperty("openActions").GetInt32().ShouldBe(0);
        row.GetProperty("evidenceAwaitingReview").GetInt32().ShouldBe(0);
        row.GetProperty("lastEvidenceOn").ValueKind.ShouldBe(JsonValueKind.Null);
        row.GetProperty("lastProgressJudgement").ValueKind.ShouldBe(JsonValueKind.Null);

        var closed = await _inspector.PostAsJsonAsync($"/api/recommendations/{_recommendation}/close", new { closedAs = "Implemented", comment = "seen" });

        closed.StatusCode.ShouldBe(HttpStatusCode.OK, await closed.Content.ReadAsStringAsync());
        var outstanding = await Eventually.Get(() => Outstanding(), rows => rows.Count == 7, because: "the closure to reach planning");
        Find(outstanding).ShouldBeNull();
        outstanding.ShouldAllBe(r => r.GetProperty("status").GetString() == "AwaitingResponse");
        var closedRows = await Outstanding("Closed");
        closedRows.Count.ShouldBe(1);
        closedRows[0].GetProperty("recommendationId").GetGuid().ShouldBe(_recommendation);
        closedRows[0].GetProperty("status").GetString().ShouldBe("Closed");
        closedRows[0].GetProperty("closedAs").GetString().ShouldBe("Implemented");
        closedRows[0].GetProperty("nextDueOn").ValueKind.ShouldBe(JsonValueKind.Null);

        var summary = await _planner.GetFromJsonAsync<JsonElement>($"/api/planning/providers/{NorthumbriaDemo.ProviderId}/summary");
        summary.GetProperty("outstanding").GetInt32().ShouldBe(7);
        summary.GetProperty("closed").GetInt32().ShouldBe(1);
        summary.GetProperty("byStatus").GetProperty("AwaitingResponse").GetInt32().ShouldBe(7);
        summary.GetProperty("byStatus").GetProperty("Closed").GetInt32().ShouldBe(1);
        // Closed today, from a report published on 11 February 2020: the average is that many days.
        var expectedDays = (DateTime.UtcNow.Date - new DateTime(2020, 2, 11)).TotalDays;
        summary.GetProperty("averageDaysToClose").GetDouble().ShouldBe(expectedDays, tolerance: 1);
        summary.GetProperty("atLeastReasonableProgressShare").GetDouble().ShouldBe(0);
    }

    [Fact]
    public async Task An_unknown_status_is_a_400_naming_status()
    {
        var response = await _planner.GetAsync($"/api/planning/outstanding?providerId={NorthumbriaDemo.ProviderId}&status=Bogus");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.GetProperty("status").ToString().ShouldContain("EvidenceSubmitted");
    }

    private async Task<List<JsonElement>> Outstanding(string? status = null)
    {
        var response = await _planner.GetAsync(
            $"/api/planning/outstanding?providerId={NorthumbriaDemo.ProviderId}{(status is null ? "" : $"&status={status}")}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return TrackingApi.Items(await response.Content.ReadFromJsonAsync<JsonElement>(TrackingApi.Json));
    }

    private JsonElement? Find(List<JsonElement> rows) => rows.Cast<JsonElement?>()
        .FirstOrDefault(r => r!.Value.GetProperty("recommendationId").GetGuid() == _recommendation);

    public async Task DisposeAsync()
    {
        await Teardown.All(_host, Teardown.SqliteFolder(_dataFolder));
    }
}
