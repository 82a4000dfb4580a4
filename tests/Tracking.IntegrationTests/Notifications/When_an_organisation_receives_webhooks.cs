using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tracking.Contracts;
using Tracking.IntegrationTests.Infrastructure;
using Tracking.Recommendations.Demo;
using static Tracking.IntegrationTests.Notifications.NotifiedPeople;

namespace Tracking.IntegrationTests.Notifications;

/// <summary>
/// A provider registers a webhook endpoint and receives signed events (Standard Webhooks), retried with backoff on a
/// FakeTimeProvider clock until its receiver answers, redelivered by hand, and switched off after a day of failures.
/// Loopback is allowed by configuration here; a private address is not.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class When_an_organisation_receives_webhooks : IAsyncLifetime
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "tracking-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private TestWebhookReceiver _receiver = null!;
    private TrackingHost _host = null!;

    public async Task InitializeAsync()
    {
        _receiver = await TestWebhookReceiver.Start();
        _host = TrackingHost.Embedded(_dataFolder, clock: _clock, extra: new Dictionary<string, string?>
        {
            ["Tracking:Notifications:Webhooks:AllowedNetworks:0"] = "127.0.0.1",
            ["Tracking:Notifications:Webhooks:PollInterval"] = "00:00:00.100",
        });
    }

    [Fact]
    public async Task A_signed_event_is_retried_until_the_receiver_takes_it_once_and_a_private_address_is_refused()
    {
        var manager = _host.As(Manager);
        var refused = await manager.PostAsJsonAsync("/api/webhooks", new { url = "https://10.1.2.3/hooks", eventTypes = new[] { "deadline.missed" } });
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty("url")[0].GetString()!.ShouldContain("private");
        var unknown = await manager.PostAsJsonAsync("/api/webhooks", new { url = _receiver.Url, eventTypes = new[] { "deadline.forgotten" } });
        (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("eventTypes")[0].GetString()!.ShouldContain("deadline.forgotten");

        var registered = await manager.PostAsJsonAsync("/api/webhooks", new { url = _receiver.Url, eventTypes = new[] { "deadline.missed" } });
        registered.StatusCode.ShouldBe(HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());
        var endpoint = await registered.Content.ReadFromJsonAsync<JsonElement>();
        endpoint.GetProperty("providerId").GetString().ShouldBe(NorthumbriaDemo.ProviderId);
        var id = endpoint.GetProperty("id").GetGuid();
        _receiver.Secret = endpoint.GetProperty("secret").GetString();
        _receiver.Secret!.ShouldStartWith("whsec_");

        // The receiver is down three times; the waits double from 30 s on the fake clock.
        _receiver.AnswerNext(500, 503, 502);
        var bus = _host.Services.GetRequiredService<IBus>();
        var missed = new DeadlineMissed(Guid.NewGuid(), DeadlineKind.Response, Guid.NewGuid(), null, null, NorthumbriaDemo.ProviderId,
            new DateOnly(2026, 4, 29), new DateTimeOffset(2026, 4, 29, 22, 59, 59, TimeSpan.Zero), 2, 0, _clock.GetUtcNow());
        await bus.Publish(missed);
        await bus.Publish(missed with { ProviderId = "another-provider", DeadlineId = Guid.NewGuid() });
        await Requests(1);
        foreach (var (wait, count) in new[] { (30, 2), (60, 3), (120, 4) })
        {
            _clock.Advance(TimeSpan.FromSeconds(wait));
            await Requests(count);
        }

        var requests = _receiver.Requests.ToList();
        requests.ShouldAllBe(r => r.Verified, "every attempt is signed with the endpoint's secret");
        requests.Select(r => r.WebhookId).Distinct().ShouldHaveSingleItem("retries keep the webhook-id");
        requests.Select(r => r.Answer).ShouldBe([500, 503, 502, 200]);
        using (var body = JsonDocument.Parse(requests[^1].Body))
        {
            body.RootElement.GetProperty("type").GetString().ShouldBe("deadline.missed");
            body.RootElement.GetProperty("data").GetProperty("deadlineId").GetGuid().ShouldBe(missed.DeadlineId);
        }

        var detail = await Eventually.Get(() => Detail(manager, id), d => d.GetProperty("deliveries")[0].GetProperty("status").GetString() == "delivered",
            because: "the delivery to be marked delivered");
        var delivery = detail.GetProperty("deliveries").EnumerateArray().ShouldHaveSingleItem("another provider's event is not sent");
        delivery.GetProperty("attempts").EnumerateArray().Select(a => a.GetProperty("outcome").GetString())
            .ShouldBe(["failed", "failed", "failed", "delivered"]);
        delivery.GetProperty("attempts")[0].GetProperty("statusCode").GetInt32().ShouldBe(500);

        // Redelivered by hand: once more, same id, still verifiable.
        var again = await manager.PostAsync($"/api/webhooks/{id}/deliveries/{delivery.GetProperty("id").GetGuid()}/redeliver", null);
        again.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var redelivered = (await Requests(5))[^1];
        redelivered.WebhookId.ShouldBe(requests[0].WebhookId);
        redelivered.Verified.ShouldBeTrue();

        // A day of failures: the next event is given up and the endpoint switched off.
        _receiver.AnswerNext(500, 500);
        await bus.Publish(missed with { DeadlineId = Guid.NewGuid() });
        await Requests(6);
        _clock.Advance(TimeSpan.FromHours(25));
        var off = await Eventually.Get(() => Detail(manager, id), d => !d.GetProperty("endpoint").GetProperty("active").GetBoolean(),
            because: "the endpoint to be switched off");
        off.GetProperty("endpoint").GetProperty("disabledReason").GetString()!.ShouldContain("24 hours");
        off.GetProperty("deliveries")[0].GetProperty("status").GetString().ShouldBe("givenup");
        (await _host.As(Planner).GetAsync($"/api/webhooks/{id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private Task<List<TestWebhookReceiver.Received>> Requests(int count) =>
        Eventually.Get(() => Task.FromResult(_receiver.Requests.ToList()), r => r.Count >= count, because: $"{count} requests at the receiver");

    private static async Task<JsonElement> Detail(HttpClient client, Guid id) => await client.GetFromJsonAsync<JsonElement>($"/api/webhooks/{id}");

    public async Task DisposeAsync()
    {
        await Teardown.All(_host, _receiver, Teardown.SqliteFolder(_dataFolder));
    }
}
