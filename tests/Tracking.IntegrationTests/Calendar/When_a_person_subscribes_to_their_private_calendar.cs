using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tracking.IntegrationTests.Infrastructure;
using Tracking.Contracts;
using Tracking.Recommendations.Demo;
using Tracking.Scheduling.Consumers;
using Tracking.Scheduling.Data;
using Tracking.Scheduling.Features.SubscribeToCalendar;
using Tracking.ServiceDefaults.Security;
using ICalendar = Ical.Net.Calendar;

namespace Tracking.IntegrationTests.Calendar;

/// <summary>
/// Calendar apps send no token: a person makes a private address while signed in, and the app reads it with no header at all.
/// Two providers' inspections are published, so a provider manager's feed can be seen to leave out the other's items.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class When_a_person_subscribes_to_their_private_calendar : IAsyncLifetime
{
    private const string OtherProvider = "other-crc";
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "tracking-tests", Guid.NewGuid().ToString("N"));
    private TrackingHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = TrackingHost.Embedded(_dataFolder);
        var inspector = _host.Inspector();
        await TrackingApi.RecordAndPublishNorthumbria(inspector);
        await TrackingApi.RecordAndPublishNorthumbria(inspector, NorthumbriaDemo.Inspection() with
        {
            Provider = new(OtherProvider, "Other Community Rehabilitation Company", "Wales"),
        });
        await Eventually.Get(async () => (await _host.Planner().GetFromJsonAsync<JsonElement>("/api/schedule")).GetProperty("deadlines").GetArrayLength(),
            count => count == 16, because: "scheduling to open both providers' response deadlines");
    }

    [Fact]
    public async Task The_address_works_without_a_token_shows_only_what_its_owner_may_see_and_stops_when_revoked_or_its_owner_leaves_or_moves()
    {
        var manager = Person(TrackingRoles.ProviderManager, "manager-northumbria", NorthumbriaDemo.ProviderId);
        var otherManager = Person(TrackingRoles.ProviderManager, "manager-other", OtherProvider);
        var planner = Person(TrackingRoles.Planner, "planner-one");
        var calendarApp = _host.CreateClient();
        (await manager.GetAsync("/api/schedule/calendar-feed")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "no address until one is made");

        var first = await MakeAddress(manager);
        var managers = await Read(calendarApp, first);
        var planners = await Read(calendarApp, await MakeAddress(planner));
        var others = await Read(calendarApp, await MakeAddress(otherManager));

        calendarApp.DefaultRequestHeaders.Authorization.ShouldBeNull();
        managers.Events.Count.ShouldBeGreaterThanOrEqualTo(8, "eight response deadlines");
        managers.Events.ShouldAllBe(e => e.Summary!.Contains($"({NorthumbriaDemo.ProviderId})"));
        others.Events.ShouldAllBe(e => !e.Summary!.Contains(NorthumbriaDemo.ProviderId));
        others.Events.Count.ShouldBeGreaterThanOrEqualTo(8);
        planners.Events.Count.ShouldBe(managers.Events.Count + others.Events.Count, "a planner sees every provider");
        (await manager.GetFromJsonAsync<JsonElement>("/api/schedule/calendar-feed")).GetProperty("createdAt").GetDateTime()
            .ShouldBe(DateTime.UtcNow, TimeSpan.FromMinutes(5));
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<SchedulingDbContext>().CalendarFeeds.AsNoTracking().ToListAsync();
            stored.Count.ShouldBe(3);
            stored.ShouldContain(f => f.TokenHash == CalendarFeed.Hash(first.Token));
            stored.ShouldAllBe(f => f.TokenHash != first.Token, "only the token's hash is kept");
        }

        var second = await MakeAddress(manager);
        (await calendarApp.GetAsync(first.Path)).StatusCode.ShouldBe(HttpStatusCode.Gone, "a new address replaces the old one");
        (await calendarApp.GetAsync(second.Path)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await manager.DeleteAsync("/api/schedule/calendar-feed")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var revoked = await calendarApp.GetAsync(second.Path);
        revoked.StatusCode.ShouldBe(HttpStatusCode.Gone);
        (await revoked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString().ShouldBe("Calendar address revoked");
        (await manager.GetAsync("/api/schedule/calendar-feed")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await manager.DeleteAsync("/api/schedule/calendar-feed")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await calendarApp.GetAsync("/api/schedule/calendar/not-a-real-token.ics")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        await StopsWhenTheOwnerIsDeactivatedOrMovesProviderButNotWhenOnlyTheirNameChanges();
    }

    /// <summary>The identity role's events, as it publishes them when an admin deactivates or changes a person.</summary>
    private async Task StopsWhenTheOwnerIsDeactivatedOrMovesProviderButNotWhenOnlyTheirNameChanges()
    {
        Guid leaverId = Guid.NewGuid(), moverId = Guid.NewGuid();
        var calendarApp = _host.CreateClient();
        var leaver = await MakeAddress(Person(TrackingRoles.ProviderManager, leaverId.ToString(), NorthumbriaDemo.ProviderId));
        var mover = await MakeAddress(Person(TrackingRoles.ProviderManager, moverId.ToString(), NorthumbriaDemo.ProviderId));
        var bus = _host.Services.GetRequiredService<IBus>();
        var now = DateTimeOffset.UtcNow;

        // The same event delivered twice (same message id), as a broker may: revoked once, by the first.
        var deactivated = new PersonDeactivated(leaverId, "leaver@northumbria-crc.example", "Lee Leaver", TrackingRoles.ProviderManager,
            NorthumbriaDemo.ProviderId, now);
        var messageId = Guid.NewGuid();
        await bus.Publish(deactivated, c => c.MessageId = messageId);
        await bus.Publish(deactivated, c => c.MessageId = messageId);
        await bus.Publish(new PersonChanged(moverId, "mo@northumbria-crc.example", "Mo Renamed", TrackingRoles.ProviderManager,
            NorthumbriaDemo.ProviderId, now));

        await Eventually.Get(async () => (await calendarApp.GetAsync(leaver.Path)).StatusCode, s => s == HttpStatusCode.Gone,
            because: "scheduling to revoke a deactivated person's address");
        await Eventually.Get(() => Inbox(nameof(PersonChangedConsumer)), n => n == 1, because: "scheduling to read the name change");
        (await calendarApp.GetAsync(mover.Path)).StatusCode.ShouldBe(HttpStatusCode.OK, "a new name shows the same items");
        (await Inbox(nameof(PersonDeactivatedConsumer))).ShouldBe(1, "the repeated delivery was recognised");

        await bus.Publish(new PersonChanged(moverId, "mo@northumbria-crc.example", "Mo Renamed", TrackingRoles.ProviderManager,
            OtherProvider, now.AddMinutes(1)));
        await Eventually.Get(async () => (await calendarApp.GetAsync(mover.Path)).StatusCode, s => s == HttpStatusCode.Gone,
            because: "an address made for the old provider must not go on showing its items");
    }

    private async Task<int> Inbox(string consumer)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SchedulingDbContext>().Inbox.CountAsync(m => m.Consumer == consumer);
    }

    private HttpClient Person(string role, string subject, params string[] providers)
    {
        var client = _host.CreateClient();
        var token = _host.Services.GetRequiredService<TokenIssuer>().Mint(role, providers, name: subject, subject: subject);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<(string Token, string Path)> MakeAddress(HttpClient person)
    {
        var made = await person.PostAsync("/api/schedule/calendar-feed", null);
        made.StatusCode.ShouldBe(HttpStatusCode.Created, await made.Content.ReadAsStringAsync());
        var body = await made.Content.ReadFromJsonAsync<JsonElement>();
        var token = body.GetProperty("token").GetString()!;
        token.Length.ShouldBeGreaterThanOrEqualTo(43, "256 bits of secret");
        body.GetProperty("path").GetString().ShouldBe($"/api/schedule/calendar/{token}.ics");
        return (token, body.GetProperty("path").GetString()!);
    }

    private static async Task<ICalendar> Read(HttpClient calendarApp, (string Token, string Path) address)
    {
        var feed = await calendarApp.GetAsync(address.Path);
        feed.StatusCode.ShouldBe(HttpStatusCode.OK, await feed.Content.ReadAsStringAsync());
        feed.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        return ICalendar.Load(await feed.Content.ReadAsStringAsync())!;
    }

    public async Task DisposeAsync()
    {
        await Teardown.All(_host, Teardown.SqliteFolder(_dataFolder));
    }
}
