using System.Net;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tracking.Contracts;
using Tracking.IntegrationTests.Infrastructure;
using Tracking.Notifications.Data;
using Tracking.Recommendations.Demo;
using static Tracking.IntegrationTests.Notifications.NotifiedPeople;

namespace Tracking.IntegrationTests.Notifications;

/// <summary>
/// The notifications role configured for GOV.UK Notify, against a local stand-in that checks what the Notify API
/// documents (a Bearer JWT signed with the key's secret, the template id, the personalisation). The publication is
/// raised before identity has announced anyone, so it also shows recipients are looked up at dispatch, not on arrival.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class When_mail_goes_through_GOV_UK_Notify : IAsyncLifetime
{
    private static readonly string PublicationTemplate = "f33517ff-2a88-4f6e-b855-c550268ce08a";
    private static readonly string DefaultTemplate = "a0f4a1a1-1f4f-4f84-9a44-b3b9a1a2c3d4";

    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "tracking-tests", Guid.NewGuid().ToString("N"));
    private TestNotifyApi _notify = null!;
    private TrackingHost _host = null!;

    public async Task InitializeAsync()
    {
        _notify = await TestNotifyApi.Start();
        _host = TrackingHost.Embedded(_dataFolder, extra: new Dictionary<string, string?>
        {
            ["Tracking:Notifications:Notify:ApiKey"] = _notify.ApiKey,
            ["Tracking:Notifications:Notify:BaseUrl"] = _notify.BaseUrl,
            ["Tracking:Notifications:Notify:Templates:publication"] = PublicationTemplate,
            ["Tracking:Notifications:Notify:Templates:default"] = DefaultTemplate,
            ["Tracking:Notifications:FirstRetryAfter"] = "00:00:00.100",
            ["Tracking:Notifications:MaxAttempts"] = "3",
        });
    }

    [Fact]
    public async Task Each_mail_is_a_signed_request_with_its_template_and_placeholders_and_a_refusal_is_retried_or_given_up()
    {
        var bus = _host.Services.GetRequiredService<IBus>();
        var recommendation = Guid.NewGuid();
        var inspection = Guid.NewGuid();
        await bus.Publish(new InspectionPublished(inspection, new ProviderRef(NorthumbriaDemo.ProviderId, "Northumbria CRC", "North East"),
            "Northumbria CRC inspection 2026", "Good", [], [recommendation], new DateOnly(2026, 3, 2), DateTimeOffset.UtcNow, "system:demo-data"));
        await Eventually.Get(() => Occasions(), n => n == 1, because: "the publication to wait for its audience");
        _notify.Accepted.ShouldBeEmpty("nobody is known yet");

        _notify.Fail(Manager.Email, HttpStatusCode.InternalServerError);
        _notify.Fail(Inspector.Email, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest);
        await Activate(_host, _host, DateTimeOffset.UtcNow);
        var state = new RecommendationState("ActionPlanned", 5, null, null, 1, 0, null, null, null, null);
        await bus.Publish(new ProviderResponded(recommendation, NorthumbriaDemo.ProviderId, 1, "Accepted", "We will.", Manager.Id.ToString(),
            DateTimeOffset.UtcNow, state));

        var published = await Eventually.Get(() => Task.FromResult(_notify.Accepted.Where(e => e.TemplateId == PublicationTemplate).ToList()),
            e => e.Count >= 1, because: "the publication, sent after one Notify outage");
        var email = published.ShouldHaveSingleItem();
        email.EmailAddress.ShouldBe(Manager.Email);
        email.Personalisation["name"].ShouldBe("Mark Dodds");
        email.Personalisation["inspection"].ShouldBe("Northumbria CRC inspection 2026");
        email.Personalisation["provider"].ShouldBe("Northumbria CRC");
        email.Personalisation["count"].ShouldBe("1");
        email.Personalisation["link"].ShouldBe($"http://localhost:5080/recommendations/{recommendation}");
        email.Personalisation["settings_link"].ShouldContain("/notifications/settings?email=manager%40demo.tracking.test&expires=");
        email.Personalisation["settings_link"].ShouldContain("&signature=");
        email.Personalisation["subject"].ShouldBe("Inspection report published: Northumbria CRC inspection 2026");

        var log = await Eventually.Get(() => Log(Manager.Email, "publication"), l => l.Contains("sent"), because: "the publication's log");
        log.ShouldBe(["queued", "failed", "sent"]);
        email.Reference.ShouldBe((await IdOf(Manager.Email, "publication")).ToString());

        var refused = await Eventually.Get(() => Log(Inspector.Email, "response-submitted"), l => l.Contains("given up"),
            because: "the inspector's mail, refused by Notify each time");
        refused.ShouldBe(["queued", "failed", "failed", "given up"]);
        (await LastError(Inspector.Email))!.ShouldContain("400");
        _notify.Malformed.ShouldBeEmpty();
    }

    private Task<int> Occasions() => _host.Query(sp => sp.GetRequiredService<NotificationsDbContext>().Occasions.CountAsync());

    private Task<Guid> IdOf(string recipient, string rule) => _host.Query(sp => sp.GetRequiredService<NotificationsDbContext>().Notifications
        .Where(n => n.Recipient == recipient && n.Rule == rule).Select(n => n.Id).SingleAsync());

    private Task<string?> LastError(string recipient) => _host.Query(sp => sp.GetRequiredService<NotificationsDbContext>().Notifications
        .Where(n => n.Recipient == recipient).Select(n => n.LastError).SingleAsync());

    private Task<List<string>> Log(string recipient, string rule) => _host.Query(async sp =>
    {
        var db = sp.GetRequiredService<NotificationsDbContext>();
        var id = await db.Notifications.Where(n => n.Recipient == recipient && n.Rule == rule).Select(n => (Guid?)n.Id).SingleOrDefaultAsync();
        return await db.DeliveryLog.Where(e => e.NotificationId == id).OrderBy(e => e.Id).Select(e => e.Outcome).ToListAsync();
    });

    public async Task DisposeAsync()
    {
        await Teardown.All(_host, _notify, Teardown.SqliteFolder(_dataFolder));
    }
}
