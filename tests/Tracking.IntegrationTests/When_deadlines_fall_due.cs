using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tracking.Contracts;
using Tracking.IntegrationTests.Infrastructure;
using Tracking.Recommendations.Demo;
using Tracking.Scheduling.Data;
using Tracking.Scheduling.Deadlines;
using Tracking.Messaging.Outbox;
using Tracking.ServiceDefaults.Security;

namespace Tracking.IntegrationTests;

/// <summary>
/// The scheduling service keeping time in one embedded server. The clock is a FakeTimeProvider the tests move; the
/// minutely sweep is run directly after each move, as the Hangfire recurring job would run it. What a user notices is
/// the events raised (read from the scheduling outbox, where they wait to leave) and GET /api/schedule.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class When_deadlines_fall_due : IAsyncLifetime
{
    /// <summary>Monday 2 March 2026, 09:00 GMT.</summary>
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "tracking-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _clock = new(Start);
    private TrackingHost _host = null!;
    private HttpClient _inspector = null!;
    private HttpClient _manager = null!;
    private HttpClient _planner = null!;

    public Task InitializeAsync()
    {
        _host = TrackingHost.Embedded(_dataFolder, clock: _clock);
        _inspector = _host.Inspector();
        _manager = _host.ClientAs(TrackingRoles.ProviderManager, NorthumbriaDemo.ProviderId);
        _planner = _host.Planner();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Northumbria_published_in_2020_has_its_eight_response_deadlines_reported_missed_at_once_and_only_once()
    {
        await TrackingApi.RecordAndPublishNorthumbria(_inspector);

        var missed = await Eventually.Get(() => Raised<DeadlineMissed>(), m => m.Count >= 8, because: "eight missed response deadlines");
        missed.Count.ShouldBe(8);
        missed.Select(m => m.DeadlineId).Distinct().Count().ShouldBe(8);
        missed.ShouldAllBe(m => m.Kind == DeadlineKind.Response && m.Escalation == 0 && m.ProviderId == NorthumbriaDemo.ProviderId);
        missed.ShouldAllBe(m => m.DueOn == new DateOnly(2020, 4, 7), "40 working days after 11 February 2020");
        missed.ShouldAllBe(m => m.DaysOverdue == new DateOnly(2026, 3, 2).DayNumber - new DateOnly(2020, 4, 7).DayNumber);

        await Sweep();
        await Sweep();

        (await Raised<DeadlineMissed>()).Count.ShouldBe(8, "the sweep must not report them a second time");
        var schedule = await Schedule(_planner, $"providerId={NorthumbriaDemo.ProviderId}");
        var deadlines = schedule.GetProperty("deadlines").EnumerateArray().ToList();
        deadlines.Count.ShouldBe(8);
        deadlines.ShouldAllBe(d => d.GetProperty("missed").GetBoolean() && d.GetProperty("kind").GetString() == "Response");
        deadlines.Select(d => d.GetProperty("recommendationNumber").GetInt32()).ShouldBe([1, 2, 3, 4, 5, 6, 7, 8], ignoreOrder: true);
        schedule.GetProperty("reminders").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task A_missed_deadline_still_not_done_is_escalated_once_after_the_escalation_period()
    {
        var recommendations = await Publish(new DateOnly(2026, 3, 2));
        _clock.SetUtcNow(new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero));
        await Sweep();
        var missed = await Raised<DeadlineMissed>();
        missed.Count.ShouldBe(8);
        missed.ShouldAllBe(m => m.DueOn == new DateOnly(2026, 4, 29) && m.Escalation == 0, "40 working days, skipping Easter");

        _clock.Advance(TimeSpan.FromDays(13));
        await Sweep();
        (await Raised<DeadlineMissed>()).Count(m => m.Escalation == 1).ShouldBe(0, "13 days is within the escalation period");

        await Respond(recommendations[0]);
        _clock.Advance(TimeSpan.FromDays(1));
        await Sweep();
        await Sweep();

        var escalations = (await Raised<DeadlineMissed>()).Where(m => m.Escalation == 1).ToList();
        escalations.Count.ShouldBe(7, "the responded one is no longer missed");
        escalations.ShouldNotContain(m => m.RecommendationId == recommendations[0]);
        (await Raised<DeadlineCleared>()).ShouldHaveSingleItem().RecommendationId.ShouldBe(recommendations[0]);
    }

    [Fact]
    public async Task An_actions_reminders_arrive_seven_days_and_one_day_before_and_it_is_missed_once_after_its_day_ends()
    {
        var recommendation = (await Publish(new DateOnly(2026, 3, 2)))[0];
        await Respond(recommendation);
        var actionId = await PlanAction(recommendation, new DateOnly(2026, 3, 20));

        await At(new DateTimeOffset(2026, 3, 12, 23, 59, 0, TimeSpan.Zero));
        (await ForAction<DeadlineApproaching>(actionId)).ShouldBeEmpty();

        await At(new DateTimeOffset(2026, 3, 13, 0, 0, 1, TimeSpan.Zero));
        await Sweep();
        var week = (await ForAction<DeadlineApproaching>(actionId)).ShouldHaveSingleItem();
        week.DaysBefore.ShouldBe(7);
        week.DueOn.ShouldBe(new DateOnly(2026, 3, 20));

        await At(new DateTimeOffset(2026, 3, 18, 23, 59, 0, TimeSpan.Zero));
        (await ForAction<DeadlineApproaching>(actionId)).Count.ShouldBe(1);
        await At(new DateTimeOffset(2026, 3, 19, 0, 0, 1, TimeSpan.Zero));
        (await ForAction<DeadlineApproaching>(actionId)).Select(r => r.DaysBefore).ShouldBe([7, 1]);

        await At(new DateTimeOffset(2026, 3, 20, 23, 59, 59, TimeSpan.Zero));
        (await ForAction<DeadlineMissed>(actionId)).ShouldBeEmpty("the action is due by the end of its day");

        await At(new DateTimeOffset(2026, 3, 21, 0, 0, 1, TimeSpan.Zero));
        await Sweep();
        var missed = (await ForAction<DeadlineMissed>(actionId)).ShouldHaveSingleItem();
        missed.Kind.ShouldBe(DeadlineKind.Action);
        missed.DueAt.ShouldBe(new DateTimeOffset(2026, 3, 21, 0, 0, 0, TimeSpan.Zero).AddTicks(-1));
        missed.DaysOverdue.ShouldBe(1);
        (await ForAction<DeadlineApproaching>(actionId)).Count.ShouldBe(2);

        var schedule = await Schedule(_manager, $"recommendationId={recommendation}");
        var action = schedule.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == "Action");
        action.GetProperty("missed").GetBoolean().ShouldBeTrue();
        action.GetProperty("daysOverdue").GetInt32().ShouldBe(1);
        action.GetProperty("actionId").GetGuid().ShouldBe(actionId);
    }

    [Fact]
    public async Task An_approved_revision_moves_the_deadline_and_nothing_is_missed_at_the_old_date()
    {
        var recommendation = (await Publish(new DateOnly(2026, 3, 2)))[0];
        await Respond(recommendation);
        var actionId = await PlanAction(recommendation, new DateOnly(2026, 3, 20));
        var requested = await _manager.PostAsJsonAsync($"/api/recommendations/{recommendation}/target-date-revisions",
            new { actionId, requestedDate = "2026-04-30", reason = "The audit team is on secondment." }, TrackingApi.Json);
        requested.StatusCode.ShouldBe(HttpStatusCode.Created, await requested.Content.ReadAsStringAsync());
        var revisionId = Guid.Parse(requested.Headers.Location!.ToString().Split('/')[^1]);
        var decided = await _inspector.PostAsJsonAsync($"/api/recommendations/{recommendation}/target-date-revisions/{revisionId}/decision",
            new { decision = "Approved", comment = "Reasonable." }, TrackingApi.Json);
        decided.StatusCode.ShouldBe(HttpStatusCode.OK, await decided.Content.ReadAsStringAsync());
        await Eventually.Get(() => ActionDeadlineDueOn(recommendation), due => due == new DateOnly(2026, 4, 30), because: "the deadline to move");

        await At(new DateTimeOffset(2026, 3, 21, 9, 0, 0, TimeSpan.Zero));

        (await ForAction<DeadlineMissed>(actionId)).ShouldBeEmpty("the old date no longer counts");
        (await ForAction<DeadlineApproaching>(actionId)).ShouldBeEmpty("the old date's reminders are dropped");
        var schedule = await Schedule(_planner, $"recommendationId={recommendation}");
        var action = schedule.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == "Action");
        action.GetProperty("dueOn").GetString().ShouldBe("2026-04-30");
        action.GetProperty("missed").GetBoolean().ShouldBeFalse();

        await At(new DateTimeOffset(2026, 4, 23, 0, 0, 1, TimeSpan.FromHours(1)));
        (await ForAction<DeadlineApproaching>(actionId)).ShouldHaveSingleItem().DueOn.ShouldBe(new DateOnly(2026, 4, 30));
        await At(new DateTimeOffset(2026, 5, 1, 0, 0, 1, TimeSpan.FromHours(1)));
        (await ForAction<DeadlineMissed>(actionId)).ShouldHaveSingleItem().DueOn.ShouldBe(new DateOnly(2026, 4, 30));
    }

    [Fact]
    public async Task Closing_a_recommendation_cancels_its_deadlines_and_nothing_is_raised_for_it_afterwards()
    {
        var recommendation = (await Publish(new DateOnly(2026, 3, 2)))[0];
        await Respond(recommendation, targetDate: new DateOnly(2026, 9, 30));
        await PlanAction(recommendation, new DateOnly(2026, 3, 20));
        await Eventually.Get(() => OpenKinds(recommendation), kinds => kinds.Contains("Action") && kinds.Contains("TargetDate"),
            because: "the action and target-date deadlines");

        var closed = await _inspector.PostAsJsonAsync($"/api/recommendations/{recommendation}/close",
            new { closedAs = "Implemented", comment = "Verified at the follow-up visit." }, TrackingApi.Json);
        closed.StatusCode.ShouldBe(HttpStatusCode.OK, await closed.Content.ReadAsStringAsync());
        await Eventually.Get(() => OpenKinds(recommendation), kinds => kinds.Count == 0, because: "closure to cancel every deadline");

        await At(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero));
        await Sweep();

        (await Raised<DeadlineMissed>()).ShouldNotContain(m => m.RecommendationId == recommendation);
        (await Raised<DeadlineApproaching>()).ShouldNotContain(m => m.RecommendationId == recommendation);
        (await Raised<DeadlineCleared>()).ShouldNotContain(m => m.RecommendationId == recommendation, "none had been missed");
        (await Schedule(_planner, $"recommendationId={recommendation}")).GetProperty("deadlines").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task The_follow_up_review_nine_months_on_lists_the_open_recommendations_and_is_skipped_when_all_are_closed()
    {
        var partly = await Publish(new DateOnly(2026, 3, 2));
        await Close(partly[0]);
        await Close(partly[1]);
        var all = await Publish(new DateOnly(2026, 3, 2));
        foreach (var id in all)
        {
            await Close(id);
        }

        await Eventually.Get(() => ClosedCount(), count => count == 10, because: "scheduling to hear of ten closures");
        await At(new DateTimeOffset(2026, 12, 1, 23, 59, 0, TimeSpan.Zero));
        (await Raised<FollowUpReviewDue>()).ShouldBeEmpty();

        await At(new DateTimeOffset(2026, 12, 2, 0, 0, 1, TimeSpan.Zero));
        await Sweep();

        var due = (await Raised<FollowUpReviewDue>()).ShouldHaveSingleItem("the inspection with nothing open is skipped");
        due.DueOn.ShouldBe(new DateOnly(2026, 12, 2));
        due.OpenRecommendationIds.ShouldBe(partly.Skip(2));
        var reviews = (await Schedule(_planner, $"providerId={NorthumbriaDemo.ProviderId}")).GetProperty("followUpReviews").EnumerateArray().ToList();
        reviews.Select(r => r.GetProperty("status").GetString()).ShouldBe(["Raised", "Skipped"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_planner_moves_a_follow_up_review_and_it_is_raised_at_the_new_date_not_the_old()
    {
        await Publish(new DateOnly(2026, 3, 2));
        var reviewId = await Eventually.Get(async () => (await Schedule(_planner, "")).GetProperty("followUpReviews").EnumerateArray()
            .Select(r => r.GetProperty("id").GetGuid()).FirstOrDefault(), id => id != Guid.Empty, because: "the review to be scheduled");

        var past = await _planner.PutAsJsonAsync($"/api/schedule/follow-up-reviews/{reviewId}", new { dueOn = "2026-03-01" }, TrackingApi.Json);
        var unknown = await _planner.PutAsJsonAsync($"/api/schedule/follow-up-reviews/{Guid.NewGuid()}", new { dueOn = "2027-01-15" }, TrackingApi.Json);
        var byManager = await _manager.PutAsJsonAsync($"/api/schedule/follow-up-reviews/{reviewId}", new { dueOn = "2027-01-15" }, TrackingApi.Json);
        var moved = await _planner.PutAsJsonAsync($"/api/schedule/follow-up-reviews/{reviewId}", new { dueOn = "2027-01-15" }, TrackingApi.Json);

        past.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await past.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("dueOn", out _).ShouldBeTrue();
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        byManager.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        moved.StatusCode.ShouldBe(HttpStatusCode.OK, await moved.Content.ReadAsStringAsync());
        (await moved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("updatedBy").GetString().ShouldBe("test-planner");

        await At(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
        (await Raised<FollowUpReviewDue>()).ShouldBeEmpty("it no longer falls due on 2 December");
        await At(new DateTimeOffset(2027, 1, 15, 0, 0, 1, TimeSpan.Zero));
        (await Raised<FollowUpReviewDue>()).ShouldHaveSingleItem().DueOn.ShouldBe(new DateOnly(2027, 1, 15));

        var tooLate = await _planner.PutAsJsonAsync($"/api/schedule/follow-up-reviews/{reviewId}", new { dueOn = "2027-02-01" }, TrackingApi.Json);
        tooLate.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await _planner.PostAsync($"/api/schedule/follow-up-reviews/{reviewId}/cancellation", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_cancelled_follow_up_review_is_never_raised()
    {
        await Publish(new DateOnly(2026, 3, 2));
        var reviewId = await Eventually.Get(async () => (await Schedule(_planner, "")).GetProperty("followUpReviews").EnumerateArray()
            .Select(r => r.GetProperty("id").GetGuid()).FirstOrDefault(), id => id != Guid.Empty, because: "the review to be scheduled");

        var cancelled = await _planner.PostAsync($"/api/schedule/follow-up-reviews/{reviewId}/cancellation", null);

        cancelled.StatusCode.ShouldBe(HttpStatusCode.OK, await cancelled.Content.ReadAsStringAsync());
        (await cancelled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().ShouldBe("Cancelled");
        var again = await _planner.PostAsync($"/api/schedule/follow-up-reviews/{reviewId}/cancellation", null);
        again.StatusCode.ShouldBe(HttpStatusCode.OK, "cancelling again is answered as reinspection plans answer it");
        await At(new DateTimeOffset(2027, 1, 1, 9, 0, 0, TimeSpan.Zero));
        (await Raised<FollowUpReviewDue>()).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_schedule_and_its_calendar_feed_answer_and_another_providers_manager_sees_nothing()
    {
        var recommendation = (await Publish(new DateOnly(2026, 3, 2)))[0];
        await Respond(recommendation);
        var actionId = await PlanAction(recommendation, new DateOnly(2026, 3, 20));
        var other = _host.ClientAs(TrackingRoles.ProviderManager, "another-provider");

        var own = await Schedule(_manager, $"providerId={NorthumbriaDemo.ProviderId}");
        var action = own.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == "Action");
        action.GetProperty("dueOn").GetString().ShouldBe("2026-03-20");
        action.GetProperty("status").GetString().ShouldBe("Open");
        own.GetProperty("deadlines").GetArrayLength().ShouldBe(8, "seven response deadlines and the action");
        own.GetProperty("reminders").EnumerateArray().Where(r => r.GetProperty("kind").GetString() == "Action")
            .Select(r => r.GetProperty("daysBefore").GetInt32()).ShouldBe([7, 1]);
        own.GetProperty("followUpReviews").EnumerateArray().ShouldHaveSingleItem().GetProperty("dueOn").GetString().ShouldBe("2026-12-02");

        var theirs = await Schedule(other, "");
        var theirsForOurs = await Schedule(other, $"recommendationId={recommendation}");
        foreach (var view in new[] { theirs, theirsForOurs })
        {
            view.GetProperty("deadlines").GetArrayLength().ShouldBe(0);
            view.GetProperty("reminders").GetArrayLength().ShouldBe(0);
            view.GetProperty("followUpReviews").GetArrayLength().ShouldBe(0);
        }

        var feed = await _manager.GetAsync($"/api/schedule/calendar.ics?providerId={NorthumbriaDemo.ProviderId}");
        feed.StatusCode.ShouldBe(HttpStatusCode.OK);
        feed.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        var ics = await feed.Content.ReadAsStringAsync();
        ics.ShouldStartWith("BEGIN:VCALENDAR");
        ics.Split("BEGIN:VEVENT").Length.ShouldBe(10, "eight deadlines and one follow-up review");
        ics.ShouldContain("DTSTART;VALUE=DATE:20260320");
        ics.ShouldContain("DTSTART;VALUE=DATE:20261202");
        ics.Replace("\r\n ", "").ShouldContain($"action {actionId}"); // long lines are folded in iCalendar
        (await (await other.GetAsync("/api/schedule/calendar.ics")).Content.ReadAsStringAsync()).ShouldNotContain("BEGIN:VEVENT");
        (await _host.CreateClient().GetAsync("/api/schedule")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Submitted_evidence_is_due_for_review_twenty_working_days_later_and_a_review_meets_it()
    {
        var recommendation = (await Publish(new DateOnly(2026, 3, 2)))[0];
        await Respond(recommendation);
        var evidenceId = await SubmitEvidence(recommendation);

        var review = (await Schedule(_planner, $"recommendationId={recommendation}")).GetProperty("deadlines").EnumerateArray()
            .Single(d => d.GetProperty("kind").GetString() == DeadlineKind.EvidenceReview);
        review.GetProperty("dueOn").GetString().ShouldBe("2026-03-30", "20 working days after Monday 2 March 2026");
        review.GetProperty("status").GetString().ShouldBe("Open");

        var reviewed = await _inspector.PostAsJsonAsync($"/api/recommendations/{recommendation}/evidence/{evidenceId}/review",
            new { outcome = "Accepted", comment = "Sustained for a quarter.", progressJudgement = "GoodProgress" }, TrackingApi.Json);
        reviewed.StatusCode.ShouldBe(HttpStatusCode.OK, await reviewed.Content.ReadAsStringAsync());
        await Eventually.Get(() => OpenKinds(recommendation), kinds => !kinds.Contains(DeadlineKind.EvidenceReview), because: "the review to meet the deadline");

        await At(new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.FromHours(1)));
        (await Raised<DeadlineMissed>()).ShouldNotContain(m => m.Kind == DeadlineKind.EvidenceReview, "the evidence was reviewed in time");
        (await Schedule(_planner, $"recommendationId={recommendation}")).GetProperty("deadlines").EnumerateArray()
            .ShouldNotContain(d => d.GetProperty("kind").GetString() == DeadlineKind.EvidenceReview, "a met deadline is off the schedule");
        (await _host.Query(sp => sp.GetRequiredService<SchedulingDbContext>().Deadlines
            .Where(d => d.RecommendationId == recommendation && d.Kind == DeadlineKind.EvidenceReview).Select(d => d.Status).ToListAsync()))
            .ShouldBe([DeadlineStatus.Met]);
    }

    [Fact]
    public async Task Evidence_left_unreviewed_is_reported_missed_once_after_its_twentieth_working_day()
    {
        var recommendation = (await Publish(new DateOnly(2026, 3, 2)))[0];
        await Respond(recommendation);
        var evidenceId = await SubmitEvidence(recommendation);

        await At(new DateTimeOffset(2026, 3, 30, 23, 59, 0, TimeSpan.FromHours(1)));
        (await Raised<DeadlineMissed>()).ShouldNotContain(m => m.Kind == DeadlineKind.EvidenceReview, "due by the end of 30 March, UK time");

        await At(new DateTimeOffset(2026, 3, 31, 0, 0, 1, TimeSpan.FromHours(1)));
        await Sweep();

        var missed = (await Raised<DeadlineMissed>()).Where(m => m.Kind == DeadlineKind.EvidenceReview).ShouldHaveSingleItem();
        missed.RecommendationId.ShouldBe(recommendation);
        missed.EvidenceId.ShouldBe(evidenceId);
        missed.DueOn.ShouldBe(new DateOnly(2026, 3, 30));
    }

    [Fact]
    public async Task The_sweep_run_by_Hangfire_raises_what_has_fallen_due_on_the_moved_clock()
    {
        await Publish(new DateOnly(2026, 3, 2));
        _clock.SetUtcNow(new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.FromHours(1)));

        // Fire the recurring job now rather than at the next real minute: Hangfire's server runs it through its own activator.
        _host.Services.GetRequiredService<IRecurringJobManager>().Trigger(DeadlineSweep.RecurringJobId);

        var missed = await Eventually.Get(() => Raised<DeadlineMissed>(), m => m.Count >= 8, TimeSpan.FromSeconds(60), "Hangfire to run the sweep");
        missed.Count.ShouldBe(8);
        missed.ShouldAllBe(m => m.Kind == DeadlineKind.Response && m.DueOn == new DateOnly(2026, 4, 29));
    }

    [Fact]
    public void The_sweep_is_registered_with_Hangfire_to_run_every_minute()
    {
        using var connection = _host.Services.GetRequiredService<JobStorage>().GetConnection();

        var sweep = connection.GetRecurringJobs().Where(j => j.Id == DeadlineSweep.RecurringJobId).ShouldHaveSingleItem();

        sweep.Cron.ShouldBe(Cron.Minutely());
        sweep.Job.Type.ShouldBe(typeof(DeadlineSweep));
        sweep.Job.Method.Name.ShouldBe(nameof(DeadlineSweep.RunOnce));
    }

    public async Task DisposeAsync()
    {
        await Teardown.All(_host, Teardown.SqliteFolder(_dataFolder));
    }

    private Task<SweepResult> Sweep() => _host.Services.GetRequiredService<DeadlineSweep>().RunOnce(CancellationToken.None);

    /// <summary>Moves the clock and runs the sweep, as the minutely job would on the next minute.</summary>
    private async Task At(DateTimeOffset moment)
    {
        _clock.SetUtcNow(moment);
        await Sweep();
    }

    private Task<List<T>> Raised<T>() => _host.Query(async sp =>
    {
        // A week after they were sent, events move to the archive (the moved clock runs the archiver): both are what was raised.
        var db = sp.GetRequiredService<SchedulingDbContext>();
        var type = typeof(T).FullName;
        var sent = await db.Outbox.AsNoTracking().Where(m => m.MessageType == type).Select(m => new { m.Sequence, m.Body }).ToListAsync();
        var archived = await db.OutboxArchive.AsNoTracking().Where(m => m.MessageType == type).Select(m => new { m.Sequence, m.Body }).ToListAsync();
        return sent.Concat(archived).OrderBy(m => m.Sequence).Select(m => JsonSerializer.Deserialize<T>(m.Body, MessageJson.Options)!).ToList();
    });

    private async Task<List<T>> ForAction<T>(Guid actionId) where T : class =>
        (await Raised<T>()).Where(e => e switch
        {
            DeadlineMissed m => m.ActionId == actionId,
            DeadlineApproaching a => a.ActionId == actionId,
            _ => false,
        }).ToList();

    private Task<List<string>> OpenKinds(Guid recommendation) => _host.Query(sp => sp.GetRequiredService<SchedulingDbContext>().Deadlines
        .Where(d => d.RecommendationId == recommendation && d.Status == DeadlineStatus.Open).Select(d => d.Kind).ToListAsync());

    private Task<DateOnly?> ActionDeadlineDueOn(Guid recommendation) => _host.Query(sp => sp.GetRequiredService<SchedulingDbContext>().Deadlines
        .Where(d => d.RecommendationId == recommendation && d.Kind == DeadlineKind.Action && d.Status == DeadlineStatus.Open)
        .Select(d => (DateOnly?)d.DueOn).FirstOrDefaultAsync());

    private Task<int> ClosedCount() => _host.Query(sp => sp.GetRequiredService<SchedulingDbContext>().Recommendations.CountAsync(r => r.Closed));

    private static async Task<JsonElement> Schedule(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/schedule?{query}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>(TrackingApi.Json);
    }

    /// <summary>Records and publishes Northumbria's inspection on the given date; returns its recommendations in number order.</summary>
    private async Task<List<Guid>> Publish(DateOnly publishedOn)
    {
        var recorded = await _inspector.PostAsJsonAsync("/api/inspections", NorthumbriaDemo.Inspection(), TrackingApi.Json);
        recorded.StatusCode.ShouldBe(HttpStatusCode.Created, await recorded.Content.ReadAsStringAsync());
        var id = (await recorded.Content.ReadFromJsonAsync<JsonElement>(TrackingApi.Json)).GetProperty("id").GetGuid();
        var published = await _inspector.PostAsJsonAsync($"/api/inspections/{id}/publish", new { publishedOn = publishedOn.ToString("yyyy-MM-dd") }, TrackingApi.Json);
        published.StatusCode.ShouldBe(HttpStatusCode.OK, await published.Content.ReadAsStringAsync());
        var recommendations = (await published.Content.ReadFromJsonAsync<JsonElement>(TrackingApi.Json)).GetProperty("recommendations").EnumerateArray()
            .OrderBy(r => r.GetProperty("number").GetInt32()).Select(r => r.GetProperty("id").GetGuid()).ToList();
        await Eventually.Get(() => _host.Query(sp => sp.GetRequiredService<SchedulingDbContext>().Deadlines
                .CountAsync(d => recommendations.Contains(d.RecommendationId) && d.Kind == DeadlineKind.Response)),
            count => count == recommendations.Count, because: "scheduling to time every recommendation");
        return recommendations;
    }

    private async Task Respond(Guid recommendation, DateOnly? targetDate = null)
    {
        var responded = await _manager.PutAsJsonAsync($"/api/recommendations/{recommendation}/response",
            new { response = "Agreed", targetDate = targetDate?.ToString("yyyy-MM-dd") }, TrackingApi.Json);
        responded.StatusCode.ShouldBe(HttpStatusCode.OK, await responded.Content.ReadAsStringAsync());
        await Eventually.Get(() => OpenKinds(recommendation), kinds => !kinds.Contains(DeadlineKind.Response), because: "the response deadline to be met");
    }

    private async Task<Guid> PlanAction(Guid recommendation, DateOnly targetDate)
    {
        var planned = await _manager.PostAsJsonAsync($"/api/recommendations/{recommendation}/actions", new
        {
            description = "Audit home visits in every office",
            owner = new { name = "Alex Owner", email = "alex.owner@northumbria-crc.example" },
            targetDate = targetDate.ToString("yyyy-MM-dd"),
        }, TrackingApi.Json);
        planned.StatusCode.ShouldBe(HttpStatusCode.Created, await planned.Content.ReadAsStringAsync());
        var actionId = Guid.Parse(planned.Headers.Location!.ToString().Split('/')[^1]);
        await Eventually.Get(() => ActionDeadlineDueOn(recommendation), due => due == targetDate, because: "the action's deadline");
        return actionId;
    }

    private async Task<Guid> SubmitEvidence(Guid recommendation)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent("Audit of home visits in every office."), "narrative" },
            { new StringContent("2026-03-02"), "effectiveDate" },
        };
        var submitted = await _manager.PostAsync($"/api/recommendations/{recommendation}/evidence", form);
        submitted.StatusCode.ShouldBe(HttpStatusCode.Created, await submitted.Content.ReadAsStringAsync());
        await Eventually.Get(() => OpenKinds(recommendation), kinds => kinds.Contains(DeadlineKind.EvidenceReview), because: "the evidence review deadline");
        return Guid.Parse(submitted.Headers.Location!.ToString().Split('/')[^1]);
    }

    private async Task Close(Guid recommendation)
    {
        var closed = await _inspector.PostAsJsonAsync($"/api/recommendations/{recommendation}/close",
            new { closedAs = "NotImplemented", comment = "Superseded by the unified Probation Service." }, TrackingApi.Json);
        closed.StatusCode.ShouldBe(HttpStatusCode.OK, await closed.Content.ReadAsStringAsync());
    }
}
