using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tracking.IntegrationTests.Infrastructure;
using Tracking.Recommendations.Demo;
using Tracking.Recommendations.Domain;
using Tracking.ServiceDefaults.Security;

namespace Tracking.IntegrationTests;

/// <summary>
/// One embedded server with published Northumbria inspections; each test takes a recommendation nobody else has touched.
/// Everything goes through the real HTTP pipeline with real tokens.
/// </summary>
public sealed class PublishedRecommendationsFixture : IAsyncLifetime
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "tracking-tests", Guid.NewGuid().ToString("N"));
    private readonly Queue<Guid> _untouched = new();
    private readonly SemaphoreSlim _refill = new(1, 1);

    public TrackingHost Host { get; private set; } = null!;

    public HttpClient Inspector { get; private set; } = null!;

    public HttpClient Manager { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Host = TrackingHost.Embedded(_dataFolder);
        Inspector = Host.Inspector();
        Manager = Host.ClientAs(TrackingRoles.ProviderManager, NorthumbriaDemo.ProviderId);
        return Task.CompletedTask;
    }

    /// <summary>A published recommendation awaiting the provider's response.</summary>
    public async Task<Guid> FreshRecommendation()
    {
        await _refill.WaitAsync();
        try
        {
            if (_untouched.Count == 0)
            {
                var inspectionId = await TrackingApi.RecordAndPublishNorthumbria(Inspector);
                var inspection = await Inspector.GetFromJsonAsync<JsonElement>($"/api/inspections/{inspectionId}", TrackingApi.Json);
                foreach (var recommendation in inspection.GetProperty("recommendations").EnumerateArray())
                {
                    _untouched.Enqueue(recommendation.GetProperty("id").GetGuid());
                }
            }

            return _untouched.Dequeue();
        }
        finally
        {
            _refill.Release();
        }
    }

    public async Task DisposeAsync()
    {
        await Teardown.All(Host, Teardown.SqliteFolder(_dataFolder));
    }
}

[Collection(HostCollection.Name)]
public sealed class When_a_provider_plans_actions_and_asks_to_move_dates(PublishedRecommendationsFixture world)
    : IClassFixture<PublishedRecommendationsFixture>
{
    private static readonly DateOnly Today = UkCalendar.Today(DateTimeOffset.UtcNow);

    private HttpClient Manager => world.Manager;

    private HttpClient Inspector => world.Inspector;

    [Fact]
    public async Task Planned_actions_are_listed_with_their_owners_and_the_earliest_open_one_is_next_due()
    {
        var id = await RespondedRecommendation();

        var first = await PlanAction(id, "Audit home visits in every office", Today.AddDays(30), measureOfSuccess: "Two thirds of expected home visits done");
        var second = await PlanAction(id, "Train staff in risk-of-harm analysis", Today.AddDays(60));

        first.StatusCode.ShouldBe(HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        second.StatusCode.ShouldBe(HttpStatusCode.Created, await second.Content.ReadAsStringAsync());
        var detail = await Detail(id);
        var actions = detail.GetProperty("actions").EnumerateArray().ToList();
        actions.Count.ShouldBe(2);
        first.Headers.Location!.ToString().ShouldBe($"/api/recommendations/{id}/actions/{actions[0].GetProperty("id").GetGuid()}");
        second.Headers.Location!.ToString().ShouldBe($"/api/recommendations/{id}/actions/{actions[1].GetProperty("id").GetGuid()}");
        actions[0].GetProperty("description").GetString().ShouldBe("Audit home visits in every office");
        actions[0].GetProperty("ownerName").GetString().ShouldBe("Alex Owner");
        actions[0].GetProperty("ownerEmail").GetString().ShouldBe("alex.owner@northumbria-crc.example");
        actions[0].GetProperty("targetDate").GetString().ShouldBe(Iso(Today.AddDays(30)));
        actions[0].GetProperty("measureOfSuccess").GetString().ShouldBe("Two thirds of expected home visits done");
        actions[1].GetProperty("measureOfSuccess").ValueKind.ShouldBe(JsonValueKind.Null);
        actions.ShouldAllBe(a => !a.GetProperty("done").GetBoolean());
        detail.GetProperty("nextDueOn").GetString().ShouldBe(Iso(Today.AddDays(30)));
        (await Body(second)).GetProperty("actions").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task A_completed_action_is_done_and_no_longer_sets_the_next_due_date()
    {
        var id = await RespondedRecommendation();
        var first = await ActionId(await PlanAction(id, "Audit home visits", Today.AddDays(10)));
        await ActionId(await PlanAction(id, "Train staff", Today.AddDays(45)));

        var completed = await Manager.PostAsync($"/api/recommendations/{id}/actions/{first}/completion", null);

        completed.StatusCode.ShouldBe(HttpStatusCode.OK, await completed.Content.ReadAsStringAsync());
        var detail = await Detail(id);
        var done = detail.GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("id").GetGuid() == first);
        done.GetProperty("done").GetBoolean().ShouldBeTrue();
        done.GetProperty("completedAt").ValueKind.ShouldBe(JsonValueKind.String);
        detail.GetProperty("nextDueOn").GetString().ShouldBe(Iso(Today.AddDays(45)));
        (await Body(completed)).GetProperty("nextDueOn").GetString().ShouldBe(Iso(Today.AddDays(45)));
    }

    [Fact]
    public async Task An_approved_revision_moves_the_actions_date_and_the_next_due_date()
    {
        var id = await RespondedRecommendation();
        var slipping = await ActionId(await PlanAction(id, "Audit home visits", Today.AddDays(20)));
        await ActionId(await PlanAction(id, "Train staff", Today.AddDays(50)));

        var requested = await RequestRevision(id, slipping, Today.AddDays(80), "The audit team is on secondment until spring.");

        requested.StatusCode.ShouldBe(HttpStatusCode.Created, await requested.Content.ReadAsStringAsync());
        var revision = (await Detail(id)).GetProperty("revisions").EnumerateArray().Single();
        requested.Headers.Location!.ToString().ShouldBe($"/api/recommendations/{id}/target-date-revisions/{revision.GetProperty("id").GetGuid()}");
        revision.GetProperty("decision").GetString().ShouldBe("Pending");
        revision.GetProperty("currentDate").GetString().ShouldBe(Iso(Today.AddDays(20)));
        TargetDateOf(await Detail(id), slipping).ShouldBe(Iso(Today.AddDays(20)), "asking alone must not move the date");

        var decided = await Decide(id, revision.GetProperty("id").GetGuid(), "Approved", "Reasonable, given the secondment.");

        decided.StatusCode.ShouldBe(HttpStatusCode.OK, await decided.Content.ReadAsStringAsync());
        var detail = await Detail(id);
        TargetDateOf(detail, slipping).ShouldBe(Iso(Today.AddDays(80)));
        detail.GetProperty("nextDueOn").GetString().ShouldBe(Iso(Today.AddDays(50)));
        var approved = detail.GetProperty("revisions").EnumerateArray().Single();
        approved.GetProperty("decision").GetString().ShouldBe("Approved");
        approved.GetProperty("decisionComment").GetString().ShouldBe("Reasonable, given the secondment.");
    }

    [Fact]
    public async Task An_approved_revision_of_the_recommendations_own_date_moves_that_date()
    {
        var id = await RespondedRecommendation(targetDate: Today.AddDays(100));

        var requested = await RequestRevision(id, actionId: null, Today.AddDays(200), "Depends on the new case management system.");
        var revisionId = await RevisionId(requested);
        var decided = await Decide(id, revisionId, "Approved", "Agreed.");

        decided.StatusCode.ShouldBe(HttpStatusCode.OK, await decided.Content.ReadAsStringAsync());
        var detail = await Detail(id);
        detail.GetProperty("targetDate").GetString().ShouldBe(Iso(Today.AddDays(200)));
        detail.GetProperty("nextDueOn").GetString().ShouldBe(Iso(Today.AddDays(200)));
    }

    [Fact]
    public async Task A_refused_revision_leaves_the_date_unchanged()
    {
        var id = await RespondedRecommendation();
        var action = await ActionId(await PlanAction(id, "Audit home visits", Today.AddDays(25)));
        var revisionId = await RevisionId(await RequestRevision(id, action, Today.AddDays(120), "We would like more time."));

        var decided = await Decide(id, revisionId, "Refused", "No reason is given why the original date cannot be met.");

        decided.StatusCode.ShouldBe(HttpStatusCode.OK, await decided.Content.ReadAsStringAsync());
        var detail = await Detail(id);
        TargetDateOf(detail, action).ShouldBe(Iso(Today.AddDays(25)));
        detail.GetProperty("nextDueOn").GetString().ShouldBe(Iso(Today.AddDays(25)));
        var refused = detail.GetProperty("revisions").EnumerateArray().Single();
        refused.GetProperty("decision").GetString().ShouldBe("Refused");
        refused.GetProperty("decisionComment").GetString().ShouldBe("No reason is given why the original date cannot be met.");
    }

    [Fact]
    public async Task The_history_lists_each_step_in_order_with_the_person_who_took_it()
    {
        var id = await RespondedRecommendation();
        var first = await ActionId(await PlanAction(id, "Audit home visits", Today.AddDays(30)));
        var second = await ActionId(await PlanAction(id, "Train staff", Today.AddDays(60)));
        (await Manager.PostAsync($"/api/recommendations/{id}/actions/{first}/completion", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var revisionId = await RevisionId(await RequestRevision(id, second, Today.AddDays(90), "Trainers unavailable until later."));
        (await Decide(id, revisionId, "Approved", "Fine.")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var history = (await Manager.GetFromJsonAsync<List<JsonElement>>($"/api/recommendations/{id}/history", TrackingApi.Json))!;

        history.Select(h => (h.GetProperty("change").GetString(), h.GetProperty("by").GetString())).ShouldBe(
        [
            ("Publish", "test-inspector"),
            ("Respond", "test-provider-manager"),
            ("PlanAction", "test-provider-manager"),
            ("PlanAction", "test-provider-manager"),
            ("CompleteAction", "test-provider-manager"),
            ("RequestTargetDateRevision", "test-provider-manager"),
            ("DecideTargetDateRevision", "test-inspector"),
        ]);
        history.Select(h => h.GetProperty("sequence").GetInt32()).ShouldBeInOrder(SortDirection.Ascending);
        history[2].GetProperty("what").GetString()!.ShouldContain("Audit home visits");
        history[5].GetProperty("why").GetString().ShouldBe("Trainers unavailable until later.");
        history[6].GetProperty("what").GetString()!.ShouldContain(Iso(Today.AddDays(90)));
        history[6].GetProperty("why").GetString().ShouldBe("Fine.");
    }

    [Fact]
    public async Task A_plan_with_nothing_filled_in_is_a_400_naming_every_missing_field_and_nothing_is_planned()
    {
        var id = await RespondedRecommendation();

        var empty = await Manager.PostAsJsonAsync($"/api/recommendations/{id}/actions", new { }, TrackingApi.Json);
        var blankOwner = await Manager.PostAsJsonAsync($"/api/recommendations/{id}/actions",
            new { description = "  ", owner = new { name = "", email = " " }, targetDate = Iso(Today) }, TrackingApi.Json);

        (await Errors(empty)).Keys.ShouldBe(["description", "owner.name", "owner.email", "targetDate"], ignoreOrder: true);
        (await Errors(blankOwner)).Keys.ShouldBe(["description", "owner.name", "owner.email"], ignoreOrder: true);
        (await Detail(id)).GetProperty("actions").GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("alex@localhost")]
    [InlineData("alex owner@northumbria-crc.example")]
    [InlineData("Alex <alex@northumbria-crc.example>")]
    [InlineData("alex@northumbria-crc.example, sam@northumbria-crc.example")]
    public async Task An_owner_email_that_cannot_be_an_address_is_a_400_on_that_field(string email)
    {
        var id = await RespondedRecommendation();

        var response = await Manager.PostAsJsonAsync($"/api/recommendations/{id}/actions",
            new { description = "Audit home visits", owner = new { name = "Alex Owner", email }, targetDate = Iso(Today.AddDays(5)) }, TrackingApi.Json);

        (await Errors(response)).Keys.ShouldBe(["owner.email"]);
    }

    [Fact]
    public async Task Text_longer_than_allowed_is_a_400_naming_each_field()
    {
        var id = await RespondedRecommendation();

        var response = await Manager.PostAsJsonAsync($"/api/recommendations/{id}/actions", new
        {
            description = new string('d', 2001),
            owner = new { name = new string('n', 201), email = new string('e', 310) + "@example.org" },
            targetDate = Iso(Today.AddDays(5)),
            measureOfSuccess = new string('m', 2001),
        }, TrackingApi.Json);

        (await Errors(response)).Keys.ShouldBe(["description", "owner.name", "owner.email", "measureOfSuccess"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_target_date_in_the_past_is_refused_but_today_is_allowed()
    {
        var id = await RespondedRecommendation();

        var yesterday = await PlanAction(id, "Audit home visits", Today.AddDays(-1));
        var today = await PlanAction(id, "Audit home visits", Today);

        (await Errors(yesterday)).Keys.ShouldBe(["targetDate"]);
        today.StatusCode.ShouldBe(HttpStatusCode.Created, await today.Content.ReadAsStringAsync());
        (await Detail(id)).GetProperty("actions").GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task A_revision_request_without_a_date_or_reason_or_for_a_past_date_is_a_400()
    {
        var id = await RespondedRecommendation();
        var action = await ActionId(await PlanAction(id, "Audit home visits", Today.AddDays(30)));

        var empty = await Manager.PostAsJsonAsync($"/api/recommendations/{id}/target-date-revisions", new { actionId = action }, TrackingApi.Json);
        var past = await RequestRevision(id, action, Today.AddDays(-1), "Backdating.");
        var longReason = await RequestRevision(id, action, Today.AddDays(40), new string('r', 4001));

        (await Errors(empty)).Keys.ShouldBe(["requestedDate", "reason"], ignoreOrder: true);
        (await Errors(past)).Keys.ShouldBe(["requestedDate"]);
        (await Errors(longReason)).Keys.ShouldBe(["reason"]);
        (await Detail(id)).GetProperty("revisions").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task A_decision_that_is_neither_approved_nor_refused_or_lacks_a_comment_is_a_400()
    {
        var id = await RespondedRecommendation();
        var action = await ActionId(await PlanAction(id, "Audit home visits", Today.AddDays(30)));
        var revisionId = await RevisionId(await RequestRevision(id, action, Today.AddDays(60), "More time."));

        var empty = await Inspector.PostAsJsonAsync($"/api/recommendations/{id}/target-date-revisions/{revisionId}/decision", new { }, TrackingApi.Json);
        var pending = await Decide(id, revisionId, "Pending", "Still thinking.");
        var noComment = await Decide(id, revisionId, "Approved", " ");

        (await Errors(empty)).Keys.ShouldBe(["decision", "comment"], ignoreOrder: true);
        (await Errors(pending)).Keys.ShouldBe(["decision"]);
        (await Errors(noComment)).Keys.ShouldBe(["comment"]);
        (await Detail(id)).GetProperty("revisions").EnumerateArray().Single().GetProperty("decision").GetString().ShouldBe("Pending");
        TargetDateOf(await Detail(id), action).ShouldBe(Iso(Today.AddDays(30)));
    }

    [Fact]
    public async Task Unknown_recommendations_actions_and_revisions_are_404_problems()
    {
        var id = await RespondedRecommendation();
        await ActionId(await PlanAction(id, "Audit home visits", Today.AddDays(30)));
        var nobody = Guid.NewGuid();

        var responses = new[]
        {
            await PlanAction(nobody, "Audit home visits", Today.AddDays(30)),
            await Manager.PostAsync($"/api/recommendations/{nobody}/actions/{Guid.NewGuid()}/completion", null),
            await RequestRevision(nobody, null, Today.AddDays(30), "More time."),
            await Decide(nobody, Guid.NewGuid(), "Approved", "Fine."),
            await Manager.PostAsync($"/api/recommendations/{id}/actions/{Guid.NewGuid()}/completion", null),
            await RequestRevision(id, Guid.NewGuid(), Today.AddDays(60), "More time."),
            await Decide(id, Guid.NewGuid(), "Approved", "Fine."),
        };

        foreach (var response in responses)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, $"{response.RequestMessage!.RequestUri}: {await response.Content.ReadAsStringAsync()}");
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        }

        (await Detail(id)).GetProperty("revisions").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Planning_an_action_before_responding_is_a_409_and_nothing_is_planned()
    {
        var id = await world.FreshRecommendation();

        var response = await PlanAction(id, "Audit home visits", Today.AddDays(30));

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Body(response)).GetProperty("detail").GetString()!.ShouldContain("Respond");
        var detail = await Detail(id);
        detail.GetProperty("actions").GetArrayLength().ShouldBe(0);
        detail.GetProperty("status").GetString().ShouldBe("AwaitingResponse");
    }

    [Fact]
    public async Task Completing_an_action_twice_is_a_409_and_the_first_completion_stands()
    {
        var id = await RespondedRecommendation();
        var action = await ActionId(await PlanAction(id, "Audit home visits", Today.AddDays(30)));
        var first = await Manager.PostAsync($"/api/recommendations/{id}/actions/{action}/completion", null);
        var completedAt = (await Body(first)).GetProperty("actions")[0].GetProperty("completedAt").GetString();

        var again = await Manager.PostAsync($"/api/recommendations/{id}/actions/{action}/completion", null);

        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Detail(id)).GetProperty("actions")[0].GetProperty("completedAt").GetString().ShouldBe(completedAt);
        (await History(id)).Count(h => h == "CompleteAction").ShouldBe(1);
    }

    [Fact]
    public async Task Deciding_a_revision_twice_is_a_409_and_the_first_decision_stands()
    {
        var id = await RespondedRecommendation();
        var action = await ActionId(await PlanAction(id, "Audit home visits", Today.AddDays(30)));
        var revisionId = await RevisionId(await RequestRevision(id, action, Today.AddDays(90), "More time."));
        (await Decide(id, revisionId, "Approved", "Fine.")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var again = await Decide(id, revisionId, "Refused", "Changed my mind.");

        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var detail = await Detail(id);
        detail.GetProperty("revisions")[0].GetProperty("decision").GetString().ShouldBe("Approved");
        TargetDateOf(detail, action).ShouldBe(Iso(Today.AddDays(90)));
    }

    [Fact]
    public async Task A_closed_recommendation_accepts_no_actions_completions_revisions_or_decisions()
    {
        var id = await RespondedRecommendation();
        var action = await ActionId(await PlanAction(id, "Audit home visits", Today.AddDays(30)));
        var revisionId = await RevisionId(await RequestRevision(id, action, Today.AddDays(60), "More time."));
        var closed = await Inspector.PostAsJsonAsync($"/api/recommendations/{id}/close", new { closedAs = "Implemented", comment = "x" }, TrackingApi.Json);
        closed.StatusCode.ShouldBe(HttpStatusCode.OK, await closed.Content.ReadAsStringAsync());

        var responses = new[]
        {
            await PlanAction(id, "Another action", Today.AddDays(30)),
            await Manager.PostAsync($"/api/recommendations/{id}/actions/{action}/completion", null),
            await RequestRevision(id, null, Today.AddDays(60), "More time."),
            await Decide(id, revisionId, "Approved", "Fine."),
        };

        foreach (var response in responses)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Conflict, $"{response.RequestMessage!.RequestUri}: {await response.Content.ReadAsStringAsync()}");
            (await Body(response)).GetProperty("detail").GetString()!.ShouldContain("closed");
        }

        var detail = await Detail(id);
        detail.GetProperty("actions").GetArrayLength().ShouldBe(1);
        detail.GetProperty("actions")[0].GetProperty("done").GetBoolean().ShouldBeFalse();
        detail.GetProperty("revisions")[0].GetProperty("decision").GetString().ShouldBe("Pending");
        TargetDateOf(detail, action).ShouldBe(Iso(Today.AddDays(30)));
    }

    [Theory]
    [InlineData(TrackingRoles.Planner)]
    [InlineData(TrackingRoles.Inspector)]
    public async Task Only_a_provider_manager_may_plan_complete_or_ask_to_move_a_date(string role)
    {
        var id = await RespondedRecommendation();
        var action = await ActionId(await PlanAction(id, "Audit home visits", Today.AddDays(30)));
        var someoneElse = world.Host.ClientAs(role);

        var responses = new[]
        {
            await PlanAction(id, "Another action", Today.AddDays(30), someoneElse),
            await someoneElse.PostAsync($"/api/recommendations/{id}/actions/{action}/completion", null),
            await RequestRevision(id, action, Today.AddDays(60), "More time.", someoneElse),
        };

        responses.Select(r => r.StatusCode).ShouldAllBe(status => status == HttpStatusCode.Forbidden);
        var detail = await Detail(id);
        detail.GetProperty("actions").GetArrayLength().ShouldBe(1);
        detail.GetProperty("actions")[0].GetProperty("done").GetBoolean().ShouldBeFalse();
        detail.GetProperty("revisions").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Another_providers_manager_is_told_the_recommendation_does_not_exist()
    {
        var id = await RespondedRecommendation();
        var action = await ActionId(await PlanAction(id, "Audit home visits", Today.AddDays(30)));
        var otherManager = world.Host.ClientAs(TrackingRoles.ProviderManager, "other-crc");

        var responses = new[]
        {
            await PlanAction(id, "Another action", Today.AddDays(30), otherManager),
            await otherManager.PostAsync($"/api/recommendations/{id}/actions/{action}/completion", null),
            await RequestRevision(id, action, Today.AddDays(60), "More time.", otherManager),
        };

        foreach (var response in responses)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await response.Content.ReadAsStringAsync()).ShouldNotContain("Audit home visits");
        }

        var detail = await Detail(id);
        detail.GetProperty("actions").GetArrayLength().ShouldBe(1);
        detail.GetProperty("actions")[0].GetProperty("done").GetBoolean().ShouldBeFalse();
        detail.GetProperty("revisions").GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [InlineData(TrackingRoles.ProviderManager)]
    [InlineData(TrackingRoles.Planner)]
    public async Task Only_the_inspectorate_may_decide_a_revision(string role)
    {
        var id = await RespondedRecommendation();
        var action = await ActionId(await PlanAction(id, "Audit home visits", Today.AddDays(30)));
        var revisionId = await RevisionId(await RequestRevision(id, action, Today.AddDays(90), "More time."));
        var client = world.Host.ClientAs(role, NorthumbriaDemo.ProviderId);

        var response = await Decide(id, revisionId, "Approved", "Approving my own request.", client);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var detail = await Detail(id);
        detail.GetProperty("revisions")[0].GetProperty("decision").GetString().ShouldBe("Pending");
        TargetDateOf(detail, action).ShouldBe(Iso(Today.AddDays(30)));
    }

    [Fact]
    public async Task A_retried_plan_with_the_same_idempotency_key_plans_one_action_and_gets_the_same_answer()
    {
        var id = await RespondedRecommendation();
        var key = Guid.NewGuid().ToString();

        var first = await PlanWithKey();
        var retry = await PlanWithKey();

        first.StatusCode.ShouldBe(HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        retry.StatusCode.ShouldBe(HttpStatusCode.Created, await retry.Content.ReadAsStringAsync());
        retry.Headers.Location.ShouldBe(first.Headers.Location);
        (await Body(retry)).GetProperty("actions")[0].GetProperty("id").GetGuid()
            .ShouldBe((await Body(first)).GetProperty("actions")[0].GetProperty("id").GetGuid());
        (await Detail(id)).GetProperty("actions").GetArrayLength().ShouldBe(1);
        (await History(id)).Count(h => h == "PlanAction").ShouldBe(1);

        Task<HttpResponseMessage> PlanWithKey()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/recommendations/{id}/actions")
            {
                Content = JsonContent.Create(ActionBody("Audit home visits", Today.AddDays(30), null), options: TrackingApi.Json),
            };
            request.Headers.Add("Idempotency-Key", key);
            return Manager.SendAsync(request);
        }
    }

    private async Task<Guid> RespondedRecommendation(DateOnly? targetDate = null)
    {
        var id = await world.FreshRecommendation();
        var responded = await Manager.PutAsJsonAsync($"/api/recommendations/{id}/response",
            new { response = "Agreed", targetDate = targetDate is { } date ? Iso(date) : null }, TrackingApi.Json);
        responded.StatusCode.ShouldBe(HttpStatusCode.OK, await responded.Content.ReadAsStringAsync());
        return id;
    }

    private static object ActionBody(string description, DateOnly targetDate, string? measureOfSuccess) => new
    {
        description,
        owner = new { name = "Alex Owner", email = "alex.owner@northumbria-crc.example" },
        targetDate = Iso(targetDate),
        measureOfSuccess,
    };

    private Task<HttpResponseMessage> PlanAction(Guid id, string description, DateOnly targetDate, HttpClient? client = null, string? measureOfSuccess = null) =>
        (client ?? Manager).PostAsJsonAsync($"/api/recommendations/{id}/actions", ActionBody(description, targetDate, measureOfSuccess), TrackingApi.Json);

    private Task<HttpResponseMessage> RequestRevision(Guid id, Guid? actionId, DateOnly requestedDate, string reason, HttpClient? client = null) =>
        (client ?? Manager).PostAsJsonAsync($"/api/recommendations/{id}/target-date-revisions",
            new { actionId, requestedDate = Iso(requestedDate), reason }, TrackingApi.Json);

    private Task<HttpResponseMessage> Decide(Guid id, Guid revisionId, string decision, string comment, HttpClient? client = null) =>
        (client ?? Inspector).PostAsJsonAsync($"/api/recommendations/{id}/target-date-revisions/{revisionId}/decision",
            new { decision, comment }, TrackingApi.Json);

    /// <summary>The id the Location header names, checked against the action the answer lists.</summary>
    private static async Task<Guid> ActionId(HttpResponseMessage planned)
    {
        planned.StatusCode.ShouldBe(HttpStatusCode.Created, await planned.Content.ReadAsStringAsync());
        var actionId = Guid.Parse(planned.Headers.Location!.ToString().Split('/')[^1]);
        (await Body(planned)).GetProperty("actions").EnumerateArray().ShouldContain(a => a.GetProperty("id").GetGuid() == actionId);
        return actionId;
    }

    private static async Task<Guid> RevisionId(HttpResponseMessage requested)
    {
        requested.StatusCode.ShouldBe(HttpStatusCode.Created, await requested.Content.ReadAsStringAsync());
        var revisionId = Guid.Parse(requested.Headers.Location!.ToString().Split('/')[^1]);
        (await Body(requested)).GetProperty("revisions").EnumerateArray().ShouldContain(r => r.GetProperty("id").GetGuid() == revisionId);
        return revisionId;
    }

    private async Task<JsonElement> Detail(Guid id) =>
        await Manager.GetFromJsonAsync<JsonElement>($"/api/recommendations/{id}", TrackingApi.Json);

    private async Task<List<string>> History(Guid id) =>
        (await Manager.GetFromJsonAsync<List<JsonElement>>($"/api/recommendations/{id}/history", TrackingApi.Json))!
        .Select(h => h.GetProperty("change").GetString()!).ToList();

    private static async Task<JsonElement> Body(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(TrackingApi.Json);

    private static async Task<Dictionary<string, string[]>> Errors(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var errors = (await Body(response)).GetProperty("errors").Deserialize<Dictionary<string, string[]>>(TrackingApi.Json)!;
        errors.Values.ShouldAllBe(messages => messages.Length > 0 && messages.All(m => m.Length > 0));
        return errors;
    }

    private static string? TargetDateOf(JsonElement detail, Guid actionId) =>
        detail.GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("id").GetGuid() == actionId).GetProperty("targetDate").GetString();

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
