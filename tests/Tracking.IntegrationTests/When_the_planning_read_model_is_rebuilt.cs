using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tracking.IntegrationTests.Infrastructure;
using Tracking.Planning;
using Tracking.Recommendations.Demo;
using Tracking.ServiceDefaults.Security;

namespace Tracking.IntegrationTests;

/// <summary>
/// The planners' read model is built only from events: cleared and rebuilt from a replay of the recommendations and
/// scheduling services' events, it gives the same answers as before. Real RabbitMQ and PostgreSQL, separate hosts.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class When_the_planning_read_model_is_rebuilt : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private TestVirtualHost _vhost = null!;
    private TrackingHost _recommendations = null!;
    private TrackingHost _scheduling = null!;
    private TrackingHost _planning = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.Create();
        _vhost = await TestVirtualHost.Create();
        _planning = TrackingHost.Distributed("planning", _database, _vhost);
        _scheduling = TrackingHost.Distributed("scheduling", _database, _vhost);
        _recommendations = TrackingHost.Distributed("recommendations", _database, _vhost);
        _ = _planning.Services;
        _ = _scheduling.Services;
    }

    [Fact]
    public async Task It_gives_the_same_answers_as_before()
    {
        var inspector = _recommendations.Inspector();
        var manager = _recommendations.ClientAs(TrackingRoles.ProviderManager, NorthumbriaDemo.ProviderId);
        var inspection = await TrackingApi.RecordAndPublishNorthumbria(inspector);
        var ids = (await inspector.GetFromJsonAsync<JsonElement>($"/api/inspections/{inspection}")).GetProperty("recommendations")
            .EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ToList();
        (await manager.PutAsJsonAsync($"/api/recommendations/{ids[0]}/response", new { response = "Agreed" })).EnsureSuccessStatusCode();
        (await manager.PostAsJsonAsync($"/api/recommendations/{ids[0]}/actions", new
        {
            description = "Audit assessments monthly", owner = new { name = "Jo Bloggs", email = "jo@example.org" },
            targetDate = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd"),
        })).EnsureSuccessStatusCode();
        (await inspector.PostAsJsonAsync($"/api/recommendations/{ids[1]}/close", new { closedAs = "NotImplemented", comment = "Superseded." }))
            .EnsureSuccessStatusCode();
        var planner = _planning.Planner();
        // Settled: one closed; the responded one's missed response deadline cleared, so six of the seven open are overdue.
        var before = await Eventually.Get(() => SettledAnswers(planner), a => a.Contains("\"outstanding\":7,\"closed\":1,\"overdue\":6"),
            TimeSpan.FromSeconds(60), "planning to settle");
        // The summary can settle while a deadline event is still being retried: wait until planning has every event.
        await Eventually.Get(() => _database.Count(SentToPlanning(), NotYetInPlanning), n => n == 0, TimeSpan.FromSeconds(60),
            "planning to apply every event the other services sent");
        before = await SettledAnswers(planner);
        // The burn-down's dated figures are rebuilt too: today's point shows the closure.
        before.ShouldContain("\"open\":7,\"closed\":1,");
        var applied = await _database.Count("planning.inbox_messages");
        // Damage the read model behind planning's back: a rebuild that cleared and replayed nothing would leave it so.
        (await _database.Execute("UPDATE planning.outstanding_recommendations SET \"Text\" = 'damaged', \"Status\" = 'Closed', \"ClosedAt\" = NULL")).ShouldBe(8);
        (await _database.Execute("DELETE FROM planning.missed_deadlines")).ShouldBeGreaterThan(0);
        (await Answers(planner)).ShouldNotBe(before);
        var requestedAt = DateTime.UtcNow.AddSeconds(-1);

        var rebuild = await _planning.Inspector().PostAsync("/api/planning/read-model/rebuild", null);

        rebuild.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await _planning.Planner().PostAsync("/api/planning/read-model/rebuild", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // Every event applied again after the request, not merely as many inbox rows as before.
        await Eventually.Get(() => _database.Count("planning.inbox_messages", $"\"ProcessedAt\" >= '{requestedAt:yyyy-MM-dd HH:mm:ss.ffffff}'"),
            n => n >= applied, TimeSpan.FromSeconds(60), "the replay to reach planning");
        string after;
        try
        {
            after = await Eventually.Get(() => Answers(planner), a => a == before, TimeSpan.FromSeconds(30), "the same answers");
        }
        catch (TimeoutException)
        {
            after = await Answers(planner);
            var difference = Enumerable.Range(0, Math.Min(before.Length, after.Length)).FirstOrDefault(i => before[i] != after[i], -1);
            throw new ShouldAssertException($"The rebuilt read model gives other answers; before: …{Around(before, difference)}… after: …{Around(after, difference)}…"
                + $"\nrows before: {Keys(before)}\nrows after:  {Keys(after)}");
        }

        after.ShouldBe(before);
        (await _database.Count("scheduling.timed_recommendations")).ShouldBe(8);
    }

    /// <summary>The events of the recommendations and scheduling outboxes that planning consumes, as a table of message ids.</summary>
    private static string SentToPlanning()
    {
        var types = string.Join(", ", PlanningService.Queue.Consumes.Select(t => $"'{t.FullName}'"));
        return $"(SELECT \"MessageId\" FROM recommendations.outbox_messages WHERE \"MessageType\" IN ({types}) "
            + $"UNION ALL SELECT \"MessageId\" FROM scheduling.outbox_messages WHERE \"MessageType\" IN ({types})) sent";
    }

    private const string NotYetInPlanning = "NOT EXISTS (SELECT 1 FROM planning.inbox_messages i WHERE i.\"MessageId\" = sent.\"MessageId\")";

    /// <summary>The answers, once two reads in a row agree: the parts are separate requests, read while events still arrive.</summary>
    private static async Task<string> SettledAnswers(HttpClient planner)
    {
        var first = await Answers(planner);
        return first == await Answers(planner) ? first : "";
    }

    /// <summary>Each open row's order-deciding figures, so a failure says which figure differs, not only where the text does.</summary>
    private static string Keys(string answers) =>
        string.Join("; ", JsonDocument.Parse(answers.Split('\n')[0]).RootElement.GetProperty("items").EnumerateArray().Select(r =>
            $"#{r.GetProperty("number")} {r.GetProperty("status")} due {r.GetProperty("nextDueOn")} overdue {r.GetProperty("overdue")}/{r.GetProperty("daysOverdue")}"));

    private static string Around(string text, int at) => text.Substring(Math.Max(0, at - 150), Math.Min(300, text.Length - Math.Max(0, at - 150)));

    /// <summary>Everything a planner sees about the provider, as one comparable text.</summary>
    private static async Task<string> Answers(HttpClient planner)
    {
        var open = await planner.GetStringAsync($"/api/planning/outstanding?providerId={NorthumbriaDemo.ProviderId}&pageSize=200");
        var closed = await planner.GetStringAsync($"/api/planning/outstanding?providerId={NorthumbriaDemo.ProviderId}&status=Closed&pageSize=200");
        var summary = await planner.GetAsync($"/api/planning/providers/{NorthumbriaDemo.ProviderId}/summary");
        var regions = await planner.GetStringAsync("/api/planning/regions");
        var themes = await planner.GetStringAsync("/api/planning/themes");
        var history = await planner.GetStringAsync($"/api/planning/history?providerId={NorthumbriaDemo.ProviderId}&interval=week");
        return string.Join("\n", open, closed, await summary.Content.ReadAsStringAsync(), regions, themes, history);
    }

    public async Task DisposeAsync()
    {
        await Teardown.All(_recommendations, _scheduling, _planning, _vhost, _database);
    }
}
