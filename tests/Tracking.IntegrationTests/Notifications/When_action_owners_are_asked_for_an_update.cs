using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tracking.Contracts;
using Tracking.IntegrationTests.Infrastructure;
using Tracking.Notifications.Data;
using Tracking.Notifications.Delivery;
using Tracking.Recommendations.Demo;
using static Tracking.IntegrationTests.Notifications.NotifiedPeople;

namespace Tracking.IntegrationTests.Notifications;

/// <summary>
/// Update rounds: on 1 January at 07:00 UK time (the quarterly cadence) every owner of an open action due within 45
/// days is asked once for an update, with a link to the evidence form; completed actions and closed recommendations
/// are left out, a moved target date counts; inspectors see who was asked and who answered. The clock is a
/// FakeTimeProvider and the dispatcher's pass is run directly, as its own timer would run it.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class When_action_owners_are_asked_for_an_update : IAsyncLifetime
{
    /// <summary>Thursday 31 December 2026, noon GMT.</summary>
    private static readonly DateTimeOffset Start = new(2026, 12, 31, 12, 0, 0, TimeSpan.Zero);

    private static readonly RecommendationState State = new("ActionPlanned", 5, null, null, 1, 0, null, null, null, null);

    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "tracking-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _clock = new(Start);
    private TestSmtpServer _smtp = null!;
    private TrackingHost _host = null!;

    public async Task InitializeAsync()
    {
        _smtp = TestSmtpServer.Start();
        _host = TrackingHost.Embedded(_dataFolder, extra: _smtp.Settings(), clock: _clock);
        await Activate(_host, _host, Start);
    }

    [Fact]
    public async Task Owners_of_open_actions_due_soon_get_one_request_each_and_inspectors_see_who_answered()
    {
        var bus = _host.Services.GetRequiredService<IBus>();
        var provider = NorthumbriaDemo.ProviderId;
        var (open, closedRecommendation) = (Guid.NewGuid(), Guid.NewGuid());
        var (dueSoon, dueLater, completed, onClosed, moved) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        async Task Plan(Guid recommendation, Guid action, string owner, DateOnly target) =>
            await bus.Publish(new ActionPlanned(recommendation, provider, action, $"Action of {owner}", owner, $"{owner}@northumbria.test",
                target, null, "manager", Start, State));
        await Plan(open, dueSoon, "ann", new DateOnly(2027, 2, 10));
        await Plan(open, dueLater, "ben", new DateOnly(2027, 3, 31));
        await Plan(open, completed, "cat", new DateOnly(2027, 1, 20));
        await Plan(closedRecommendation, onClosed, "dan", new DateOnly(2027, 1, 25));
        await Plan(open, moved, "eve", new DateOnly(2027, 4, 30));
        await bus.Publish(new ActionCompleted(open, provider, completed, "manager", Start, State));
        await bus.Publish(new RecommendationClosed(closedRecommendation, provider, "Achieved", "Done.", "inspector", Start, State));
        await bus.Publish(new TargetDateRevisionDecided(open, provider, Guid.NewGuid(), moved, true, new DateOnly(2027, 2, 1), "Sooner is fine.",
            "inspector", Start, State));
        await Eventually.Get(() => _host.Query(sp => sp.GetRequiredService<NotificationsDbContext>().ActionOwners.AsNoTracking()
                .CountAsync(o => (o.ActionId == completed || o.ActionId == onClosed) && o.Closed
                    || o.ActionId == moved && o.TargetDate == new DateOnly(2027, 2, 1))),
            n => n == 3, because: "the directory to know which actions are open and when they are due");

        _clock.SetUtcNow(new DateTimeOffset(2027, 1, 1, 6, 59, 59, TimeSpan.Zero));
        await DispatcherPass();
        (await Rounds()).ShouldBe(0, "the round starts at 07:00 UK time");

        _clock.SetUtcNow(new DateTimeOffset(2027, 1, 1, 7, 0, 0, TimeSpan.Zero));
        await DispatcherPass();
        await DispatcherPass();
        var ann = (await Eventually.Get(() => Task.FromResult(_smtp.To("ann@northumbria.test").About("Update round")), m => m.Count >= 1,
            because: "ann's update request")).ShouldHaveSingleItem();
        ann.Subject.ShouldBe("Update round: please update your action due on 10 February 2027");
        ann.Body().ShouldContain($"http://localhost:5080/recommendations/{open}/evidence");
        ann.Body().ShouldContain("Action of ann");
        await Eventually.Get(() => Task.FromResult(_smtp.To("eve@northumbria.test").About("Update round")), m => m.Count == 1,
            because: "eve's action was moved into the window");
        await DispatcherPass();
        (await Rounds()).ShouldBe(1, "one round however often the pass runs");
        _smtp.To("ann@northumbria.test").About("Update round").Count.ShouldBe(1);
        foreach (var left in new[] { "ben", "cat", "dan" })
        {
            _smtp.To($"{left}@northumbria.test").About("Update round").ShouldBeEmpty($"{left}'s action is due later, completed or closed");
        }

        await bus.Publish(new EvidenceSubmitted(open, provider, Guid.NewGuid(), [dueSoon], 1, new DateOnly(2027, 1, 1), "manager",
            _clock.GetUtcNow(), State));
        var inspector = _host.As(Inspector);
        var round = (await inspector.GetFromJsonAsync<JsonElement>("/api/notifications/update-rounds"))[0];
        var detail = await Eventually.Get(() => inspector.GetFromJsonAsync<JsonElement>($"/api/notifications/update-rounds/{round.GetProperty("id")}"),
            d => Request(d, dueSoon).GetProperty("answeredAt").ValueKind == JsonValueKind.String, because: "ann's evidence answers her request");
        detail.GetProperty("round").GetProperty("dueBy").GetString().ShouldBe("2027-02-15");
        Request(detail, dueSoon).GetProperty("ownerName").GetString().ShouldBe("ann");
        Request(detail, moved).GetProperty("answeredAt").ValueKind.ShouldBe(JsonValueKind.Null, "eve has not answered");
        detail.GetProperty("requests").EnumerateArray().ShouldNotContain(r => r.GetProperty("actionId").GetGuid() == dueLater);
        var listed = (await inspector.GetFromJsonAsync<JsonElement>("/api/notifications/update-rounds"))[0];
        listed.GetProperty("answered").GetInt32().ShouldBe(1);
        listed.GetProperty("asked").GetInt32().ShouldBe(detail.GetProperty("requests").GetArrayLength());

        (await _host.As(Manager).GetAsync("/api/notifications/update-rounds")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var started = await inspector.PostAsync("/api/notifications/update-rounds", null);
        started.StatusCode.ShouldBe(HttpStatusCode.Created, "an inspector may start a round outside the cadence");
        (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("startedBy").GetString().ShouldBe(Inspector.Name);
        await DispatcherPass();
        await Eventually.Get(() => Task.FromResult(_smtp.To("ann@northumbria.test").About("Update round")), m => m.Count == 2,
            because: "a new round asks again");
    }

    private static JsonElement Request(JsonElement detail, Guid actionId) =>
        detail.GetProperty("requests").EnumerateArray().Single(r => r.GetProperty("actionId").GetGuid() == actionId);

    private Task<int> Rounds() => _host.Query(sp => sp.GetRequiredService<NotificationsDbContext>().UpdateRounds.CountAsync());

    private Task DispatcherPass() => _host.Services.GetRequiredService<MailDispatcher>().RunOnce(CancellationToken.None);

    public async Task DisposeAsync()
    {
        await Teardown.All(_host, _smtp, Teardown.SqliteFolder(_dataFolder));
    }
}
