using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Tracking.Contracts;
using Tracking.IntegrationTests.Infrastructure;
using Tracking.Notifications.Templates;
using Tracking.Recommendations.Demo;
using static Tracking.IntegrationTests.Notifications.NotifiedPeople;

namespace Tracking.IntegrationTests.Notifications;

/// <summary>
/// The embedded server with its mail pointed at a real SMTP server in the test process: what people would find in
/// their inboxes after an inspection is published, an action is planned, and deadlines come and go.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class When_people_are_told_by_email : IAsyncLifetime
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "tracking-tests", Guid.NewGuid().ToString("N"));
    private TestSmtpServer _smtp = null!;
    private TrackingHost _host = null!;

    public async Task InitializeAsync()
    {
        _smtp = TestSmtpServer.Start();
        var settings = _smtp.Settings();
        settings["Tracking:Notifications:FirstRetryAfter"] = "00:00:00.200";
        settings["Tracking:Notifications:MaxAttempts"] = "3";
        _host = TrackingHost.Embedded(_dataFolder, extra: settings);
        await Activate(_host, _host, DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task A_publication_reaches_the_CRC_manager_and_its_missed_deadlines_reach_the_manager_and_the_lead_inspector()
    {
        await TrackingApi.RecordAndPublishNorthumbria(_host.As(Inspector));

        var published = (await Eventually.Get(() => Task.FromResult(_smtp.To(Manager.Email).About("Inspection report published")),
            m => m.Count >= 1, because: "the manager's publication e-mail")).ShouldHaveSingleItem();
        published.Body().ShouldContain("Dear Mark Dodds");
        published.Body().ShouldContain("http://localhost:5080/recommendations/");
        (published.HtmlBody ?? "").ShouldContain("<a href=\"http://localhost:5080/recommendations/");
        var settingsLink = LocalMailboxLinks(published.Body()).Single(l => l.Contains("/notifications/settings?"));
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(settingsLink).Query);
        query["email"].ShouldBe(Manager.Email);
        _host.Services.GetRequiredService<PortalLinks>().Check(query["email"], query["expires"], query["signature"])
            .ShouldBe(SettingsLinkCheck.Valid, "the settings link is signed");

        // Published in 2020: its eight response deadlines are missed at once, and that is essential mail.
        var managerMissed = await Eventually.Get(() => Task.FromResult(_smtp.To(Manager.Email).About("Missed deadline")), m => m.Count >= 8,
            because: "eight missed response deadlines told to the manager");
        var inspectorMissed = await Eventually.Get(() => Task.FromResult(_smtp.To(Inspector.Email).About("Missed deadline")), m => m.Count >= 8,
            because: "eight missed response deadlines told to the lead inspector, who published");
        managerMissed.Count.ShouldBe(8);
        inspectorMissed.Count.ShouldBe(8);
        managerMissed.ShouldAllBe(m => m.Body().Contains("was due on 7 April 2020"));
        _smtp.To(Planner.Email).ShouldBeEmpty("planners hear of escalations and reviews, not of each missed deadline");
        _smtp.To(Inspector.Email).About("Inspection report published").ShouldBeEmpty();
    }

    [Fact]
    public async Task An_action_owner_hears_of_their_action_a_week_before_it_is_due_and_when_it_is_missed_even_if_their_server_refuses_once()
    {
        const string owner = "probation.lead@northumbria.example";
        var recommendation = Guid.NewGuid();
        var action = Guid.NewGuid();
        var deadline = Guid.NewGuid();
        // A month ahead, so the scheduling service in this process raises nothing of its own for these actions.
        var due = UkCalendar.Today(DateTimeOffset.UtcNow).AddDays(30);
        var bus = _host.Services.GetRequiredService<IBus>();
        var state = new RecommendationState("ActionPlanned", 3, due, due, 1, 0, null, null, null, null);
        _smtp.Refuse(owner, 1);
        _smtp.Refuse("nobody@northumbria.example", 10);

        await bus.Publish(new ActionPlanned(recommendation, NorthumbriaDemo.ProviderId, action, "Audit every case file each quarter.",
            "Pat Lee", owner, due, null, Manager.Id.ToString(), DateTimeOffset.UtcNow, state));
        await Eventually.Get(() => Task.FromResult(_smtp.To(owner)), m => m.Count >= 1, because: "the owner's assignment, after one refusal");
        await bus.Publish(new DeadlineApproaching(deadline, DeadlineKind.Action, recommendation, action, null, NorthumbriaDemo.ProviderId,
            due, new DateTimeOffset(due.ToDateTime(new TimeOnly(23, 59, 59)), TimeSpan.Zero), 7, DateTimeOffset.UtcNow));
        await bus.Publish(new DeadlineMissed(deadline, DeadlineKind.Action, recommendation, action, null, NorthumbriaDemo.ProviderId,
            due, new DateTimeOffset(due.ToDateTime(new TimeOnly(23, 59, 59)), TimeSpan.Zero), 1, 0, DateTimeOffset.UtcNow));
        await bus.Publish(new ActionPlanned(Guid.NewGuid(), NorthumbriaDemo.ProviderId, Guid.NewGuid(), "Write to nobody.",
            "Nobody", "nobody@northumbria.example", due, null, Manager.Id.ToString(), DateTimeOffset.UtcNow, state));

        var mail = await Eventually.Get(() => Task.FromResult(_smtp.To(owner)), m => m.Count >= 3, because: "the owner's three e-mails");
        mail.About("You own an action").ShouldHaveSingleItem().Body().ShouldContain($"http://localhost:5080/recommendations/{recommendation}/evidence");
        var reminder = mail.About("Reminder: your action is due in 7 days").ShouldHaveSingleItem();
        reminder.Body().ShouldContain("Audit every case file each quarter.");
        reminder.Body().ShouldContain($"due on {due:d MMMM yyyy}");
        mail.About("Missed target date").ShouldHaveSingleItem();
        _smtp.To(Manager.Email).About("Reminder: An action due in 7 days").ShouldHaveSingleItem();
        _smtp.To(Manager.Email).About("Missed deadline: An action").ShouldHaveSingleItem();
        _smtp.To(Inspector.Email).About("Missed deadline: An action").ShouldHaveSingleItem("no person published it here, so the inspectorate hears");

        // The delivery log, as an admin sees it: the refused mail was retried and sent; the hopeless one given up.
        var deliveries = await Eventually.Get(() => Deliveries("givenup"), d => d.Count >= 1, because: "the hopeless mail to be given up");
        var hopeless = deliveries.ShouldHaveSingleItem();
        hopeless.GetProperty("recipient").GetString().ShouldBe("nobody@northumbria.example");
        hopeless.GetProperty("attempts").GetInt32().ShouldBe(3);
        hopeless.GetProperty("lastError").GetString()!.ShouldContain("Mailbox full");
        hopeless.GetProperty("log").EnumerateArray().Select(e => e.GetProperty("outcome").GetString())
            .ShouldBe(["queued", "failed", "failed", "given up"]);
        var assigned = (await Deliveries("sent")).Single(d => d.GetProperty("recipient").GetString() == owner && d.GetProperty("rule").GetString() == "action-assigned");
        assigned.GetProperty("log").EnumerateArray().Select(e => e.GetProperty("outcome").GetString()).ShouldBe(["queued", "failed", "sent"]);
        assigned.GetProperty("log")[1].GetProperty("detail").GetString()!.ShouldContain("next try at");
        (await _host.As(Manager).GetAsync("/api/notifications/deliveries")).StatusCode.ShouldBe(System.Net.HttpStatusCode.Forbidden);
    }

    private async Task<List<JsonElement>> Deliveries(string status) =>
        [.. (await _host.As(Admin).GetFromJsonAsync<JsonElement>($"/api/notifications/deliveries?status={status}")).EnumerateArray()];

    private static IReadOnlyList<string> LocalMailboxLinks(string text) => Tracking.Mail.LocalMailbox.Links(text);

    public async Task DisposeAsync()
    {
        await Teardown.All(_host, _smtp, Teardown.SqliteFolder(_dataFolder));
    }
}
