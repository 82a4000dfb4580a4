using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tracking.IntegrationTests.Infrastructure;
using Tracking.Recommendations.Demo;
using Tracking.Scheduling.Calendar;
using Tracking.ServiceDefaults.Security;

namespace Tracking.IntegrationTests;

/// <summary>
/// Every role in one host: the next due date planners see is the earliest open deadline of any kind scheduling keeps,
/// so unanswered recommendations show their response deadline and sort by it.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class When_planners_see_what_is_due_next : IAsyncLifetime
{
    /// <summary>40 England-and-Wales working days after publication on Tuesday 11 February 2020.</summary>
    private static readonly DateOnly ResponseDue = new(2020, 4, 7);

    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "tracking-tests", Guid.NewGuid().ToString("N"));
    private TrackingHost _host = null!;
    private HttpClient _inspector = null!;
    private HttpClient _planner = null!;
    private HttpClient _manager = null!;
    private Guid _first;

    public async Task InitializeAsync()
    {
        _host = TrackingHost.Embedded(_dataFolder);
        _inspector = _host.Inspector();
        _planner = _host.Planner();
        _manager = _host.ClientAs(TrackingRoles.ProviderManager, NorthumbriaDemo.ProviderId);
        var inspection = await TrackingApi.RecordAndPublishNorthumbria(_inspector);
        var recorded = await _inspector.GetFromJsonAsync<JsonElement>($"/api/inspections/{inspection}");
        _first = recorded.GetProperty("recommendations")[0].GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task Unanswered_recommendations_are_due_on_their_response_deadline_until_answered()
    {
        UkWorkingDays.AddWorkingDays(NorthumbriaDemo.PublishedOn, 40).ShouldBe(ResponseDue);
        await Eventually.Get(() => ByDueDate(), rows => rows.Count == 8 && rows.All(r => DueOn(r) == Iso(ResponseDue)),
            because: "the eight response deadlines to reach planning");

        var targetDate = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(90));
        var responded = await _manager.PutAsJsonAsync($"/api/recommendations/{_first}/response",
            new { response = "Agreed", targetDate = Iso(targetDate) });
        responded.StatusCode.ShouldBe(HttpStatusCode.OK, await responded.Content.ReadAsStringAsync());

        var rows = await Eventually.Get(() => ByDueDate(), rows => rows.Count == 8 && DueOn(rows[^1]) == Iso(targetDate),
            because: "the response to meet the response deadline and open the target date");
        rows[^1].GetProperty("recommendationId").GetGuid().ShouldBe(_first);
        rows.Take(7).ShouldAllBe(r => DueOn(r) == Iso(ResponseDue));
    }

    private async Task<List<JsonElement>> ByDueDate() =>
        TrackingApi.Items(await _planner.GetFromJsonAsync<JsonElement>(
            $"/api/planning/outstanding?providerId={NorthumbriaDemo.ProviderId}&sort=dueDate&pageSize=200", TrackingApi.Json));

    private static string? DueOn(JsonElement row) => row.GetProperty("nextDueOn").GetString();

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public async Task DisposeAsync()
    {
        await Teardown.All(_host, Teardown.SqliteFolder(_dataFolder));
    }
}
