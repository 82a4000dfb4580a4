using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ClosedXML.Excel;
using CsvHelper;
using Tracking.IntegrationTests.Infrastructure;
using Tracking.Recommendations.Demo;
using Tracking.ServiceDefaults.Security;

namespace Tracking.IntegrationTests;

/// <summary>
/// End to end on real RabbitMQ and PostgreSQL, the recommendations and planning services in separate hosts. Northumbria's
/// report is published; the provider plans two actions and submits evidence on its first recommendation, and the
/// second is closed. A planner then plans the reinspection and gets the checklist the visit must cover.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class When_a_reinspection_is_planned : IAsyncLifetime
{
    private const string FirstAction = "Audit 30 risk-of-harm assessments a month";
    private const string SecondAction = "Train all responsible officers in professional curiosity";

    private TestDatabase _database = null!;
    private TestVirtualHost _vhost = null!;
    private TrackingHost _recommendations = null!;
    private TrackingHost _planning = null!;
    private HttpClient _inspector = null!;
    private HttpClient _manager = null!;
    private HttpClient _planner = null!;
    private Guid _followed;
    private Guid _closed;
    private Guid _firstAction;
    private Guid _evidence;
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
        _today = DateOnly.FromDateTime(DateTime.UtcNow);

        var inspection = await TrackingApi.RecordAndPublishNorthumbria(_inspector);
        var recommendations = (await _inspector.GetFromJsonAsync<JsonElement>($"/api/inspections/{inspection}")).GetProperty("recommendations");
        _followed = recommendations[0].GetProperty("id").GetGuid();
        _closed = recommendations[1].GetProperty("id").GetGuid();

        await Expect(HttpStatusCode.OK, _manager.PutAsJsonAsync($"/api/recommendations/{_followed}/response",
            new { response = "Agreed", targetDate = _today.AddDays(200) }, TrackingApi.Json));
        _firstAction = await PlanAction(FirstAction, _today.AddDays(30));
        await PlanAction(SecondAction, _today.AddDays(60));
        _evidence = await SubmitEvidence("First audit results attached.", _today.AddDays(-3));
        await Expect(HttpStatusCode.OK, _inspector.PostAsJsonAsync($"/api/recommendations/{_closed}/close",
            new { closedAs = "Implemented", comment = "Verified." }, TrackingApi.Json));
        await Eventually.Get(() => TrackingApi.Outstanding(_planner, NorthumbriaDemo.ProviderId), rows => rows.Count == 7,
            because: "the closure to reach planning");
    }

    [Fact]
    public async Task Its_checklist_lists_the_open_recommendations_with_their_actions_and_latest_evidence()
    {
        var created = await _planner.PostAsJsonAsync("/api/planning/reinspections",
            new { providerId = NorthumbriaDemo.ProviderId, plannedOn = _today.AddDays(40), kind = "FollowUpReview", freeze = false }, TrackingApi.Json);

        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var location = created.Headers.Location!.ToString();
        location.ShouldStartWith("/api/planning/reinspections/");
        var plan = await LiveChecklistShowing(location, evidenceSubmitted: 1);
        plan.GetProperty("kind").GetString().ShouldBe("FollowUpReview");
        plan.GetProperty("status").GetString().ShouldBe("Planned");
        plan.GetProperty("plannedOn").GetString().ShouldBe(Iso(_today.AddDays(40)));
        plan.GetProperty("frozenAt").ValueKind.ShouldBe(JsonValueKind.Null);
        plan.GetProperty("provider").GetProperty("name").GetString()!.ShouldContain("Northumbria");

        var checklist = plan.GetProperty("checklist").EnumerateArray().ToList();
        checklist.Count.ShouldBe(7);
        checklist.ShouldNotContain(i => i.GetProperty("recommendationId").GetGuid() == _closed);
        checklist.Select(i => i.GetProperty("number").GetInt32()).ShouldBe([1, 3, 4, 5, 6, 7, 8]);
        var followed = Item(plan, _followed);
        followed.GetProperty("status").GetString().ShouldBe("EvidenceSubmitted");
        var actions = followed.GetProperty("actions").EnumerateArray().ToList();
        actions.Select(a => a.GetProperty("description").GetString()).ShouldBe([FirstAction, SecondAction]);
        actions.Select(a => a.GetProperty("targetDate").GetString()).ShouldBe([Iso(_today.AddDays(30)), Iso(_today.AddDays(60))]);
        actions.ShouldAllBe(a => a.GetProperty("ownerName").GetString() == "Jo Bloggs" && !a.GetProperty("done").GetBoolean());
        var evidence = followed.GetProperty("evidence");
        evidence.GetProperty("awaitingReview").GetInt32().ShouldBe(1);
        evidence.GetProperty("lastEvidenceOn").GetString().ShouldBe(Iso(_today.AddDays(-3)));
        evidence.GetProperty("lastOutcome").ValueKind.ShouldBe(JsonValueKind.Null);
        checklist.Where(i => i.GetProperty("recommendationId").GetGuid() != _followed)
            .ShouldAllBe(i => i.GetProperty("actions").GetArrayLength() == 0 && i.GetProperty("status").GetString() == "AwaitingResponse");

        var listed = (await _planner.GetFromJsonAsync<List<JsonElement>>($"/api/planning/reinspections?providerId={NorthumbriaDemo.ProviderId}"))!;
        listed.ShouldHaveSingleItem().GetProperty("id").GetGuid().ToString().ShouldBe(location.Split('/').Last());
        _planning.Consumed.TotalFaults.ShouldBe(0);
    }

    [Fact]
    public async Task A_retried_request_with_the_same_idempotency_key_plans_one_visit()
    {
        var locations = new List<string>();
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/planning/reinspections")
            {
                Content = JsonContent.Create(new { providerId = NorthumbriaDemo.ProviderId, plannedOn = _today.AddDays(40), kind = "FullInspection" },
                    options: TrackingApi.Json),
            };
            request.Headers.Add("Idempotency-Key", "plan-northumbria-visit");
            var response = await _planner.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            locations.Add(response.Headers.Location!.ToString());
        }

        locations.Distinct().ShouldHaveSingleItem();
        (await _planner.GetFromJsonAsync<List<JsonElement>>("/api/planning/reinspections"))!.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_frozen_checklist_stays_as_it_was_while_a_live_one_follows_new_evidence()
    {
        var live = await Plan(_planner, freeze: false);
        await LiveChecklistShowing(live, evidenceSubmitted: 1);
        var frozen = await Plan(_planner, freeze: true);

        await Expect(HttpStatusCode.OK, _inspector.PostAsJsonAsync($"/api/recommendations/{_followed}/evidence/{_evidence}/review",
            new { outcome = "MoreNeeded", comment = "Show the second month's audit too.", progressJudgement = "InsufficientProgress" }, TrackingApi.Json));
        await SubmitEvidence("Two months of audits; quality up from 40% to 75%.", _today);

        var followedLive = Item(await LiveChecklistShowing(live, evidenceSubmitted: 2), _followed);
        followedLive.GetProperty("evidence").GetProperty("lastEvidenceOn").GetString().ShouldBe(Iso(_today));
        followedLive.GetProperty("evidence").GetProperty("awaitingReview").GetInt32().ShouldBe(1);
        followedLive.GetProperty("evidence").GetProperty("lastOutcome").GetString().ShouldBe("MoreNeeded");
        followedLive.GetProperty("lastProgressJudgement").GetString().ShouldBe("InsufficientProgress");

        var snapshot = await _planner.GetFromJsonAsync<JsonElement>(frozen);
        snapshot.GetProperty("frozenAt").ValueKind.ShouldBe(JsonValueKind.String);
        snapshot.GetProperty("checklistAsOf").GetString().ShouldBe(snapshot.GetProperty("frozenAt").GetString());
        var followedFrozen = Item(snapshot, _followed);
        followedFrozen.GetProperty("evidence").GetProperty("submitted").GetInt32().ShouldBe(1);
        followedFrozen.GetProperty("evidence").GetProperty("lastEvidenceOn").GetString().ShouldBe(Iso(_today.AddDays(-3)));
        followedFrozen.GetProperty("evidence").GetProperty("lastOutcome").ValueKind.ShouldBe(JsonValueKind.Null);
        followedFrozen.GetProperty("lastProgressJudgement").ValueKind.ShouldBe(JsonValueKind.Null);
        followedFrozen.GetProperty("actions").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task A_plan_can_be_moved_and_cancelled_and_once_cancelled_refuses_changes()
    {
        var plan = await Plan(_planner, freeze: false);

        var moved = await _planner.PutAsJsonAsync(plan, new { plannedOn = _today.AddDays(90) }, TrackingApi.Json);
        moved.StatusCode.ShouldBe(HttpStatusCode.OK, await moved.Content.ReadAsStringAsync());
        var body = await moved.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("plannedOn").GetString().ShouldBe(Iso(_today.AddDays(90)));
        body.GetProperty("movedFrom").EnumerateArray().Select(d => d.GetString()).ShouldBe([Iso(_today.AddDays(40))]);
        await ExpectProblem(HttpStatusCode.BadRequest, "plannedOn", _planner.PutAsJsonAsync(plan, new { plannedOn = _today.AddDays(-1) }, TrackingApi.Json));

        var cancelled = await _planner.PostAsync($"{plan}/cancellation", null);
        cancelled.StatusCode.ShouldBe(HttpStatusCode.OK, await cancelled.Content.ReadAsStringAsync());
        (await cancelled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().ShouldBe("Cancelled");

        // Cancelling again is the same intent retried: answered as a success, as for a follow-up review, and changes nothing.
        var again = await _planner.PostAsync($"{plan}/cancellation", null);
        again.StatusCode.ShouldBe(HttpStatusCode.OK, await again.Content.ReadAsStringAsync());
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().ShouldBe("Cancelled");
        await Expect(HttpStatusCode.Conflict, _planner.PutAsJsonAsync(plan, new { plannedOn = _today.AddDays(100) }, TrackingApi.Json));
        var after = await _planner.GetFromJsonAsync<JsonElement>(plan);
        after.GetProperty("status").GetString().ShouldBe("Cancelled");
        after.GetProperty("plannedOn").GetString().ShouldBe(Iso(_today.AddDays(90)));
        await Expect(HttpStatusCode.NotFound, _planner.PutAsJsonAsync($"/api/planning/reinspections/{Guid.NewGuid()}",
            new { plannedOn = _today.AddDays(100) }, TrackingApi.Json));
    }

    [Fact]
    public async Task Bad_plans_are_refused_naming_the_field()
    {
        await ExpectProblem(HttpStatusCode.BadRequest, "plannedOn", _planner.PostAsJsonAsync("/api/planning/reinspections",
            new { providerId = NorthumbriaDemo.ProviderId, plannedOn = _today.AddDays(-1), kind = "FullInspection" }, TrackingApi.Json));
        await ExpectProblem(HttpStatusCode.BadRequest, "providerId", _planner.PostAsJsonAsync("/api/planning/reinspections",
            new { providerId = "nowhere-crc", plannedOn = _today.AddDays(10), kind = "FullInspection" }, TrackingApi.Json));
        await ExpectProblem(HttpStatusCode.BadRequest, "kind", _planner.PostAsJsonAsync("/api/planning/reinspections",
            new { providerId = NorthumbriaDemo.ProviderId, plannedOn = _today.AddDays(10), kind = "1" }, TrackingApi.Json));
        (await _planner.GetFromJsonAsync<List<JsonElement>>("/api/planning/reinspections"))!.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_checklist_exports_as_csv_and_xlsx_with_one_row_per_action_and_uk_dates()
    {
        var plan = await Plan(_planner, freeze: false);
        await LiveChecklistShowing(plan, evidenceSubmitted: 1);

        var csv = await _planner.GetAsync($"{plan}/checklist.csv");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        csv.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        csv.Content.Headers.ContentDisposition.FileName!.Trim('"').ShouldBe($"reinspection-{NorthumbriaDemo.ProviderId}-{Iso(_today.AddDays(40))}-checklist.csv");
        var rows = new List<Dictionary<string, string>>();
        using (var reader = CsvReader.FromText((await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF')))
        {
            while (reader.Read())
            {
                rows.Add(reader.Headers.Select((name, i) => (name, i)).ToDictionary(h => h.name, h => reader.GetString(h.i)));
            }
        }

        Expected(rows);

        var xlsx = await _planner.GetAsync($"{plan}/checklist.xlsx");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        xlsx.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        xlsx.Content.Headers.ContentDisposition.FileName!.Trim('"').ShouldEndWith("-checklist.xlsx");
        using var workbook = new XLWorkbook(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()));
        var sheet = workbook.Worksheet("Checklist");
        var used = sheet.RangeUsed()!;
        var headers = Enumerable.Range(1, used.ColumnCount()).Select(c => sheet.Cell(1, c).GetString()).ToList();
        var sheetRows = Enumerable.Range(2, used.RowCount() - 1)
            .Select(r => headers.Select((name, i) => (name, i)).ToDictionary(h => h.name, h => Shown(sheet.Cell(r, h.i + 1))))
            .ToList();
        Expected(sheetRows);
        var targetDateCell = sheet.Cell(2, headers.IndexOf("Action target date") + 1);
        targetDateCell.DataType.ShouldBe(XLDataType.DateTime);
        targetDateCell.GetDateTime().ShouldBe(_today.AddDays(30).ToDateTime(TimeOnly.MinValue));
    }

    [Fact]
    public async Task Provider_managers_read_only_their_own_providers_plans_and_cannot_plan()
    {
        var plan = await Plan(_planner, freeze: true);
        var own = _planning.ClientAs(TrackingRoles.ProviderManager, NorthumbriaDemo.ProviderId);
        var other = _planning.ClientAs(TrackingRoles.ProviderManager, "durham-tees-valley-crc");

        (await own.GetAsync(plan)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await own.GetFromJsonAsync<List<JsonElement>>("/api/planning/reinspections"))!.Count.ShouldBe(1);
        await ExpectProblem(HttpStatusCode.NotFound, null, other.GetAsync(plan));
        await ExpectProblem(HttpStatusCode.NotFound, null, other.GetAsync($"{plan}/checklist.csv"));
        await ExpectProblem(HttpStatusCode.NotFound, null, other.GetAsync($"{plan}/checklist.xlsx"));
        (await other.GetFromJsonAsync<List<JsonElement>>("/api/planning/reinspections"))!.ShouldBeEmpty();
        (await other.GetFromJsonAsync<List<JsonElement>>($"/api/planning/reinspections?providerId={NorthumbriaDemo.ProviderId}"))!.ShouldBeEmpty();

        await Expect(HttpStatusCode.Forbidden, own.PostAsJsonAsync("/api/planning/reinspections",
            new { providerId = NorthumbriaDemo.ProviderId, plannedOn = _today.AddDays(40), kind = "FullInspection" }, TrackingApi.Json));
        await Expect(HttpStatusCode.Forbidden, own.PostAsync($"{plan}/cancellation", null));
        await Expect(HttpStatusCode.Forbidden, own.PutAsJsonAsync(plan, new { plannedOn = _today.AddDays(50) }, TrackingApi.Json));
        (await _planner.GetFromJsonAsync<JsonElement>(plan)).GetProperty("status").GetString().ShouldBe("Planned");

        // Inspectors plan their own visits too.
        await Plan(_planning.Inspector(), freeze: false);
    }

    private void Expected(List<Dictionary<string, string>> rows)
    {
        // Six open recommendations without actions take a row each; the followed one takes a row per action.
        rows.Count.ShouldBe(8);
        rows.Select(r => r["Recommendation"]).ShouldBe(["1", "1", "3", "4", "5", "6", "7", "8"]);
        rows[0]["Action"].ShouldBe(FirstAction);
        rows[1]["Action"].ShouldBe(SecondAction);
        rows[0]["Action owner"].ShouldBe("Jo Bloggs");
        rows[0]["Action target date"].ShouldBe(_today.AddDays(30).ToString("dd/MM/yyyy"));
        rows[1]["Action target date"].ShouldBe(_today.AddDays(60).ToString("dd/MM/yyyy"));
        rows[0]["Action done"].ShouldBe("No");
        rows[0]["Status"].ShouldBe("EvidenceSubmitted");
        rows[0]["Evidence awaiting review"].ShouldBe("1");
        rows[0]["Last evidence"].ShouldBe(_today.AddDays(-3).ToString("dd/MM/yyyy"));
        rows.Skip(2).ShouldAllBe(r => r["Action"] == "" && r["Status"] == "AwaitingResponse" && r["Evidence submitted"] == "0");
    }

    /// <summary>What a spreadsheet shows in the cell: a date through its own format, which must be the UK one.</summary>
    private static string Shown(IXLCell cell) => cell.DataType != XLDataType.DateTime
        ? cell.GetString()
        : cell.Style.NumberFormat.Format == "dd/mm/yyyy"
            ? cell.GetDateTime().ToString("dd/MM/yyyy")
            : $"a date in format '{cell.Style.NumberFormat.Format}'";

    private async Task<string> Plan(HttpClient client, bool freeze)
    {
        var created = await client.PostAsJsonAsync("/api/planning/reinspections",
            new { providerId = NorthumbriaDemo.ProviderId, plannedOn = _today.AddDays(40), kind = "FullInspection", freeze }, TrackingApi.Json);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return created.Headers.Location!.ToString();
    }

    /// <summary>Waits for the planning service's copy of the followed recommendation's evidence to catch up.</summary>
    private Task<JsonElement> LiveChecklistShowing(string plan, int evidenceSubmitted) => Eventually.Get(
        () => _planner.GetFromJsonAsync<JsonElement>(plan),
        p => Item(p, _followed) is var item
             && item.GetProperty("actions").GetArrayLength() == 2
             && item.GetProperty("evidence").GetProperty("submitted").GetInt32() == evidenceSubmitted
             && item.GetProperty("evidence").GetProperty("awaitingReview").GetInt32() == 1,
        because: $"the live checklist to show {evidenceSubmitted} piece(s) of evidence");

    private static JsonElement Item(JsonElement plan, Guid recommendation) =>
        plan.GetProperty("checklist").EnumerateArray().Single(i => i.GetProperty("recommendationId").GetGuid() == recommendation);

    private async Task<Guid> PlanAction(string description, DateOnly due) =>
        await Created(_manager.PostAsJsonAsync($"/api/recommendations/{_followed}/actions",
            new { description, owner = new { name = "Jo Bloggs", email = "jo.bloggs@example.org" }, targetDate = due }, TrackingApi.Json));

    private async Task<Guid> SubmitEvidence(string narrative, DateOnly effective)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(narrative), "narrative" },
            { new StringContent(Iso(effective)), "effectiveDate" },
            { new StringContent(_firstAction.ToString()), "actionIds" },
        };
        var pdf = new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.4\n% audit results\n%%EOF\n"));
        pdf.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(pdf, "files", "audit.pdf");
        return await Created(_manager.PostAsync($"/api/recommendations/{_followed}/evidence", form));
    }

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

    /// <summary>A problem-details answer; for a 400, one naming <paramref name="field"/>.</summary>
    private static async Task ExpectProblem(HttpStatusCode status, string? field, Task<HttpResponseMessage> sending)
    {
        var response = await sending;
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        if (field is not null)
        {
            JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(body);
        }
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd");

    public async Task DisposeAsync()
    {
        await Teardown.All(_recommendations, _planning, _vhost, _database);
    }
}
