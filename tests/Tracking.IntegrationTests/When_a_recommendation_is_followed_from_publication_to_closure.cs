using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Tracking.IntegrationTests.Infrastructure;
using Tracking.Recommendations.Demo;
using Tracking.ServiceDefaults.Security;

namespace Tracking.IntegrationTests;

/// <summary>
/// End to end on real RabbitMQ and PostgreSQL, the recommendations and planning services in separate hosts: one
/// Northumbria recommendation from publication to closure as Implemented. At every step the planner's view, the
/// recommendation itself and its history agree.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class When_a_recommendation_is_followed_from_publication_to_closure : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private TestVirtualHost _vhost = null!;
    private TrackingHost _recommendations = null!;
    private TrackingHost _planning = null!;
    private HttpClient _inspector = null!;
    private HttpClient _manager = null!;
    private HttpClient _planner = null!;
    private Guid _id;
    private DateOnly _today;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.Create();
        _vhost = await TestVirtualHost.Create();
        _planning = TrackingHost.Distributed("planning", _database, _vhost);
        _recommendations = TrackingHost.Distributed("recommendations", _database, _vhost);
        _ = _planning.Services;
        _inspector = _recommendations.Inspector();
        _manager = _recommendations.ClientAs(TrackingRoles.ProviderManager, NorthumbriaDemo.ProviderId);
        _planner = _planning.Planner();
        var inspection = await TrackingApi.RecordAndPublishNorthumbria(_inspector);
        _id = (await _inspector.GetFromJsonAsync<JsonElement>($"/api/inspections/{inspection}"))
            .GetProperty("recommendations")[0].GetProperty("id").GetGuid();
        _today = DateOnly.FromDateTime(DateTime.UtcNow);
    }

    [Fact]
    public async Task The_planning_view_and_the_history_agree_at_every_step()
    {
        var row = await Agree("AwaitingResponse", "Publish");
        row.GetProperty("openActions").GetInt32().ShouldBe(0);

        var target = _today.AddDays(200);
        await Expect(HttpStatusCode.OK, _manager.PutAsJsonAsync($"/api/recommendations/{_id}/response",
            new { response = "Agreed", targetDate = target }, TrackingApi.Json));
        row = await Agree("InProgress", "Respond");
        row.GetProperty("nextDueOn").GetString().ShouldBe(Iso(target));

        var first = await PlanAction("Audit 30 risk-of-harm assessments a month", _today.AddDays(30));
        await PlanAction("Train all responsible officers in professional curiosity", _today.AddDays(60));
        row = await Agree("InProgress", "PlanAction");
        row.GetProperty("openActions").GetInt32().ShouldBe(2);
        row.GetProperty("nextDueOn").GetString().ShouldBe(Iso(_today.AddDays(30)));

        var evidence = await SubmitEvidence("First audit results attached.", _today.AddDays(-3), first);
        row = await Agree("EvidenceSubmitted", "SubmitEvidence");
        row.GetProperty("evidenceAwaitingReview").GetInt32().ShouldBe(1);
        row.GetProperty("lastEvidenceOn").GetString().ShouldBe(Iso(_today.AddDays(-3)));

        await Review(evidence, "MoreNeeded", "Show the second month's audit too.", null);
        row = await Agree("InProgress", "ReviewEvidence");
        row.GetProperty("evidenceAwaitingReview").GetInt32().ShouldBe(0);

        var second = await SubmitEvidence("Two months of audits; quality up from 40% to 75%.", _today, first);
        await Agree("EvidenceSubmitted", "SubmitEvidence");
        await Review(second, "Accepted", "Convincing improvement.", "GoodProgress");
        row = await Agree("InProgress", "ReviewEvidence");
        row.GetProperty("lastProgressJudgement").GetString().ShouldBe("GoodProgress");
        (await _planner.GetFromJsonAsync<JsonElement>($"/api/planning/providers/{NorthumbriaDemo.ProviderId}/summary"))
            .GetProperty("atLeastReasonableProgressShare").GetDouble().ShouldBe(0.125);

        var revision = await Created(_manager.PostAsJsonAsync($"/api/recommendations/{_id}/target-date-revisions",
            new { actionId = first, requestedDate = _today.AddDays(45), reason = "Audit tool delivered late." }, TrackingApi.Json));
        await Agree("InProgress", "RequestTargetDateRevision");
        await Expect(HttpStatusCode.OK, _inspector.PostAsJsonAsync($"/api/recommendations/{_id}/target-date-revisions/{revision}/decision",
            new { decision = "Approved", comment = "Reasonable, given the supplier's delay." }, TrackingApi.Json));
        row = await Agree("InProgress", "DecideTargetDateRevision");
        row.GetProperty("nextDueOn").GetString().ShouldBe(Iso(_today.AddDays(45)));

        await Expect(HttpStatusCode.OK, _inspector.PostAsJsonAsync($"/api/recommendations/{_id}/close",
            new { closedAs = "Implemented", comment = "Verified at the follow-up review." }, TrackingApi.Json));
        row = await Agree("Closed", "Close");
        row.GetProperty("closedAs").GetString().ShouldBe("Implemented");
        (await TrackingApi.Outstanding(_planner, NorthumbriaDemo.ProviderId))
            .ShouldNotContain(r => r.GetProperty("recommendationId").GetGuid() == _id);
    }

    /// <summary>Waits for planning to show the status, then checks the recommendation and its history say the same.</summary>
    private async Task<JsonElement> Agree(string status, string lastChange)
    {
        var detail = await _inspector.GetFromJsonAsync<JsonElement>($"/api/recommendations/{_id}");
        var history = (await _inspector.GetFromJsonAsync<List<JsonElement>>($"/api/recommendations/{_id}/history"))!;
        detail.GetProperty("status").GetString().ShouldBe(status);
        history.Last().GetProperty("change").GetString().ShouldBe(lastChange);
        history.Last().GetProperty("sequence").GetInt32().ShouldBe(detail.GetProperty("version").GetInt32());
        history.Select(h => h.GetProperty("sequence").GetInt32()).ShouldBe(Enumerable.Range(1, history.Count));

        var version = detail.GetProperty("version").GetInt32();
        return await Eventually.Get(
            async () => TrackingApi.Items(await _planner.GetFromJsonAsync<JsonElement>(
                    $"/api/planning/outstanding?providerId={NorthumbriaDemo.ProviderId}&status={status}", TrackingApi.Json))
                .FirstOrDefault(r => r.GetProperty("recommendationId").GetGuid() == _id),
            r => r.ValueKind == JsonValueKind.Object && r.GetProperty("version").GetInt32() == version,
            because: $"planning to show version {version} ({lastChange}, {status})");
    }

    private async Task<Guid> PlanAction(string description, DateOnly due) =>
        await Created(_manager.PostAsJsonAsync($"/api/recommendations/{_id}/actions",
            new { description, owner = new { name = "Jo Bloggs", email = "jo.bloggs@example.org" }, targetDate = due }, TrackingApi.Json));

    private async Task<Guid> SubmitEvidence(string narrative, DateOnly effective, Guid action)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(narrative), "narrative" },
            { new StringContent(Iso(effective)), "effectiveDate" },
            { new StringContent(action.ToString()), "actionIds" },
        };
        var pdf = new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.4\n% audit results\n%%EOF\n"));
        pdf.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(pdf, "files", "audit.pdf");
        return await Created(_manager.PostAsync($"/api/recommendations/{_id}/evidence", form));
    }

    private Task Review(Guid evidence, string outcome, string comment, string? judgement) =>
        Expect(HttpStatusCode.OK, _inspector.PostAsJsonAsync($"/api/recommendations/{_id}/evidence/{evidence}/review",
            new { outcome, comment, progressJudgement = judgement }, TrackingApi.Json));

    private static async Task<Guid> Created(Task<HttpResponseMessage> sending)
    {
        var response = await sending;
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return Guid.Parse(response.Headers.Location!.ToString().Split('/').Last());
    }

    private static async Task Expect(HttpStatusCode status, Task<HttpResponseMessage> sending)
    {
        var response = await sending;
        response.StatusCode.ShouldBe(status, await response.Content.ReadAsStringAsync());
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd");

    public async Task DisposeAsync()
    {
        await Teardown.All(_recommendations, _planning, _vhost, _database);
    }
}
