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
using Tracking.Notifications.Templates;
using Tracking.Recommendations.Demo;
using static Tracking.IntegrationTests.Notifications.NotifiedPeople;

namespace Tracking.IntegrationTests.Notifications;

/// <summary>
/// Settings as a person uses them: a daily digest at 07:00 UK time instead of each e-mail, and opting out of
/// non-essential mail, with essential mail (a missed deadline) arriving at once whatever they chose. The clock is
/// a FakeTimeProvider; the dispatcher's pass is run directly after each move, as its own timer would run it.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class When_a_person_chooses_a_daily_digest : IAsyncLifetime
{
    /// <summary>Monday 2 March 2026, 06:00 GMT (UK time is GMT in March before the clocks change).</summary>
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 6, 0, 0, TimeSpan.Zero);

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
    public async Task Three_updates_arrive_as_one_email_at_seven_and_a_missed_deadline_arrives_at_once()
    {
        var manager = _host.As(Manager);
        var changed = await manager.PutAsJsonAsync("/api/notifications/settings", new { mode = "digest" });
        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("digestTime").GetString().ShouldBe("07:00");
        var bad = await manager.PutAsJsonAsync("/api/notifications/settings", new { mode = "hourly" });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("mode");

        var bus = _host.Services.GetRequiredService<IBus>();
        var recommendation = Guid.NewGuid();
        var state = new RecommendationState("ActionPlanned", 5, null, null, 1, 0, null, null, null, null);
        await bus.Publish(new ResponseAccepted(recommendation, NorthumbriaDemo.ProviderId, 1, null, "inspector", Start, state));
        await bus.Publish(new EvidenceReviewed(recommendation, NorthumbriaDemo.ProviderId, Guid.NewGuid(), "Accepted", "Sufficient",
            "Good progress.", "inspector", Start, state));
        await bus.Publish(new TargetDateRevisionDecided(recommendation, NorthumbriaDemo.ProviderId, Guid.NewGuid(), null, true,
            new DateOnly(2026, 6, 30), "Agreed.", "inspector", Start, state));
        await bus.Publish(new DeadlineMissed(Guid.NewGuid(), DeadlineKind.TargetDate, recommendation, null, null, NorthumbriaDemo.ProviderId,
            new DateOnly(2026, 2, 27), new DateTimeOffset(2026, 2, 27, 23, 59, 59, TimeSpan.Zero), 3, 0, Start));

        await Eventually.Get(() => Task.FromResult(_smtp.To(Manager.Email)), m => m.Count >= 1, because: "the essential mail");
        await Eventually.Get(() => Held(), n => n == 3, because: "three updates held for the digest");
        _smtp.To(Manager.Email).ShouldHaveSingleItem().Subject!.ShouldStartWith("Missed deadline");

        _clock.SetUtcNow(new DateTimeOffset(2026, 3, 2, 6, 59, 59, TimeSpan.Zero));
        await DispatcherPass();
        _smtp.To(Manager.Email).Count.ShouldBe(1, "the digest waits for 07:00");

        _clock.SetUtcNow(new DateTimeOffset(2026, 3, 2, 7, 0, 0, TimeSpan.Zero));
        await DispatcherPass();
        await DispatcherPass();
        var digest = (await Eventually.Get(() => Task.FromResult(_smtp.To(Manager.Email).About("Your daily summary")), m => m.Count >= 1,
            because: "the digest")).ShouldHaveSingleItem();
        digest.Subject.ShouldBe("Your daily summary: 3 updates");
        digest.Body().ShouldContain("Your response was accepted");
        digest.Body().ShouldContain("Your evidence was reviewed: accepted");
        digest.Body().ShouldContain("Your request to move a target date was approved");
        digest.Body().ShouldContain($"http://localhost:5080/recommendations/{recommendation}");
        _smtp.To(Manager.Email).Count.ShouldBe(2, "one essential e-mail and one digest, nothing else");
        (await Held()).ShouldBe(0);

        // Opted out: the next non-essential update is recorded and never sent.
        (await manager.PutAsJsonAsync("/api/notifications/settings", new { mode = "immediate", optedOut = true })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var settings = await manager.GetFromJsonAsync<JsonElement>("/api/notifications/settings");
        settings.GetProperty("optedOut").GetBoolean().ShouldBeTrue();
        settings.GetProperty("mode").GetString().ShouldBe("immediate");
        await bus.Publish(new ResponseAccepted(recommendation, NorthumbriaDemo.ProviderId, 2, null, "inspector", Start, state));
        await Eventually.Get(() => Count(NotificationStatus.OptedOut), n => n == 1, because: "the opted-out update to be recorded");
        await DispatcherPass();
        _smtp.To(Manager.Email).Count.ShouldBe(2);

        // The signed link at the foot of each e-mail shows and changes the same settings without signing in, until it expires.
        var link = new Uri(_host.Services.GetRequiredService<PortalLinks>().Settings(Manager.Email)).Query;
        var stranger = _host.CreateClient();
        var fromLink = await stranger.GetFromJsonAsync<JsonElement>($"/api/notifications/settings/from-link{link}");
        fromLink.GetProperty("email").GetString().ShouldBe(Manager.Email);
        fromLink.GetProperty("optedOut").GetBoolean().ShouldBeTrue();
        (await stranger.PutAsJsonAsync($"/api/notifications/settings/from-link{link}", new { mode = "digest", optedOut = false }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        settings = await manager.GetFromJsonAsync<JsonElement>("/api/notifications/settings");
        settings.GetProperty("mode").GetString().ShouldBe("digest");
        settings.GetProperty("optedOut").GetBoolean().ShouldBeFalse();
        (await stranger.PostAsync($"/api/notifications/unsubscribe{link}", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await manager.GetFromJsonAsync<JsonElement>("/api/notifications/settings")).GetProperty("optedOut").GetBoolean().ShouldBeTrue();

        var forged = await stranger.PutAsJsonAsync($"/api/notifications/settings/from-link{link.Replace("manager%40", "planner%40")}", new { mode = "digest" });
        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "the signature covers the address");
        (await forged.Content.ReadAsStringAsync()).ShouldContain("signature");
        (await stranger.GetAsync($"/api/notifications/settings/from-link{link.Replace("signature=", "signature=0")}")).StatusCode
            .ShouldBe(HttpStatusCode.BadRequest);
        _clock.Advance(TimeSpan.FromDays(91));
        var expired = await stranger.GetAsync($"/api/notifications/settings/from-link{link}");
        expired.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "a link lasts 90 days");
        (await expired.Content.ReadAsStringAsync()).ShouldContain("expired");
    }

    private Task<int> Held() => Count(NotificationStatus.AwaitingDigest);

    private Task<int> Count(NotificationStatus status) => _host.Query(sp =>
        sp.GetRequiredService<NotificationsDbContext>().Notifications.CountAsync(n => n.Status == status));

    private Task DispatcherPass() => _host.Services.GetRequiredService<MailDispatcher>().RunOnce(CancellationToken.None);

    public async Task DisposeAsync()
    {
        await Teardown.All(_host, _smtp, Teardown.SqliteFolder(_dataFolder));
    }
}
