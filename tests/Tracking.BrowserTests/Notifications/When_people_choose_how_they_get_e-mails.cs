using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tracking.BrowserTests.Infrastructure;
using Tracking.Notifications.Data;
using Tracking.Notifications.Delivery;
using Tracking.ServiceDefaults.Security;

namespace Tracking.BrowserTests.Notifications;

[Collection(BrowserCollection.Name)]
public sealed class When_people_choose_how_they_get_e_mails(PortalServer server, BrowserSession browser)
{
    [Fact]
    public async Task The_planner_switches_to_a_daily_summary_the_admin_sees_mail_sent_and_failed_a_manager_is_refused_and_manages_webhooks()
    {
        var shots = Screenshots.For();
        var planner = await browser.OpenPage(server);
        await planner.SignIn(DemoPeople.Planner);
        await planner.Locator(".govuk-service-navigation").GetByRole(AriaRole.Link, new() { Name = "Notifications" }).ClickAsync();
        await planner.GetByRole(AriaRole.Heading, new() { Name = "Your e-mail settings", Level = 1 }).WaitForAsync();
        (await planner.InnerTextAsync("main")).ShouldContain(DemoPeople.Planner);
        (await planner.GetByLabel("Each e-mail as it happens").IsCheckedAsync()).ShouldBeTrue("immediate mail is the default");
        await shots.Check(planner, "settings");

        // No error state to reach: one of the two radios is always chosen and the checkbox is optional.
        await planner.GetByLabel("One summary a day").CheckAsync();
        await planner.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await planner.GetByText("Your e-mail settings have been saved").WaitForAsync();
        await shots.Check(planner, "settings-saved");

        await planner.GotoAsync("/notifications/settings");
        (await planner.GetByLabel("One summary a day").IsCheckedAsync()).ShouldBeTrue("the choice is kept");
        (await planner.GetByLabel("Each e-mail as it happens").IsCheckedAsync()).ShouldBeFalse();
        (await planner.GetByLabel("Only send me essential e-mails").IsCheckedAsync()).ShouldBeFalse();
        (await planner.InnerTextAsync("main")).ShouldNotContain("have been saved");

        using var api = PlannersApi();
        var settings = await api.GetFromJsonAsync<JsonElement>("/api/notifications/settings");
        settings.GetProperty("email").GetString().ShouldBe(DemoPeople.Planner);
        settings.GetProperty("mode").GetString().ShouldBe("digest");
        settings.GetProperty("optedOut").GetBoolean().ShouldBeFalse();

        var admin = await browser.OpenPage(server);
        await admin.SignIn(DemoPeople.Admin, "/notifications/settings");
        await admin.Locator(".govuk-service-navigation").GetByRole(AriaRole.Link, new() { Name = "Deliveries" }).ClickAsync();
        await admin.GetByRole(AriaRole.Heading, new() { Name = "E-mail deliveries", Level = 1 }).WaitForAsync();
        var managersMail = admin.Locator("tbody tr", new() { HasText = DemoPeople.Manager })
            .Filter(new() { HasText = "Inspection report published" })
            .Filter(new() { Has = admin.Locator(".govuk-tag", new() { HasText = "Sent" }) });
        var inspectorsMail = admin.Locator("tbody tr", new() { HasText = DemoPeople.Inspector });
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await managersMail.CountAsync() == 0 || await inspectorsMail.CountAsync() == 0) && DateTime.UtcNow < deadline)
        {
            await admin.WaitForTimeoutAsync(500);
            await admin.ReloadAsync();
        }

        (await managersMail.CountAsync()).ShouldBeGreaterThan(0, $"the Northumbria manager's demo mail, sent: {await admin.InnerTextAsync("main")}");
        (await inspectorsMail.CountAsync()).ShouldBeGreaterThan(0, "the inspectors' demo mail");
        await shots.Check(admin, "deliveries");

        // A message the mail server kept refusing (how failures arise is the integration tests' part): the admin finds it under Failed, with why.
        await GivenUpMessage("refused@northumbria.test");
        await admin.Locator(".moj-sub-navigation").GetByRole(AriaRole.Link, new() { Name = "Failed" }).ClickAsync();
        var failed = admin.Locator("tbody tr", new() { HasText = "refused@northumbria.test" });
        await failed.WaitForAsync();
        (await failed.InnerTextAsync()).ShouldContain("550 5.1.1 Mailbox unavailable");
        (await failed.InnerTextAsync()).ShouldContain("Given up");
        await shots.Check(admin, "deliveries-failed");

        var manager = await browser.OpenPage(server);
        await manager.SignIn(DemoPeople.Manager);
        (await manager.Locator(".govuk-service-navigation").InnerTextAsync()).ShouldNotContain("Deliveries");
        (await manager.GotoAsync("/notifications/deliveries"))!.Status.ShouldBe(403);
        await manager.GetByRole(AriaRole.Heading, new() { Name = "You cannot view this page" }).WaitForAsync();
        (await manager.InnerTextAsync("main")).ShouldNotContain(DemoPeople.Inspector);
        await shots.Check(manager, "deliveries-forbidden");

        // Webhooks: the manager registers an endpoint (a refused address first), sees its secret once, switches it off and removes it.
        await manager.Locator(".govuk-service-navigation").GetByRole(AriaRole.Link, new() { Name = "Webhooks" }).ClickAsync();
        await manager.GetByRole(AriaRole.Heading, new() { Name = "Webhooks", Level = 1 }).WaitForAsync();
        await shots.Check(manager, "webhooks");
        await manager.GetByLabel("Address of your receiver").FillAsync("http://127.0.0.1:9/hooks");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Register endpoint" }).ClickAsync();
        var summary = manager.Locator(".govuk-error-summary");
        await summary.GetByText("private, loopback or link-local").WaitForAsync();
        (await summary.InnerTextAsync()).ShouldContain("Choose at least one event type");
        await shots.Check(manager, "webhooks-errors");
        await summary.GetByRole(AriaRole.Link, new() { Name = "Choose at least one event type" }).ClickAsync();
        await manager.GetByLabel("A follow-up review falls due").CheckAsync();
        await manager.GetByLabel("Address of your receiver").FillAsync("https://203.0.113.10/tracking");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Register endpoint" }).ClickAsync();
        await manager.GetByText("Endpoint registered: https://203.0.113.10/tracking").WaitForAsync();
        (await manager.Locator("#webhook-secret").InnerTextAsync()).ShouldStartWith("whsec_");
        await shots.Check(manager, "webhook-registered");
        await manager.GetByRole(AriaRole.Link, new() { Name = "https://203.0.113.10/tracking" }).First.ClickAsync();
        await manager.GetByRole(AriaRole.Button, new() { Name = "Switch off" }).ClickAsync();
        await manager.GetByText("The endpoint is switched off").WaitForAsync();
        (await manager.InnerTextAsync("main")).ShouldContain("Switched off by");
        (await manager.InnerTextAsync("main")).ShouldNotContain("whsec_", Case.Sensitive, "the secret is shown only once");
        await shots.Check(manager, "webhook-switched-off");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Remove this endpoint" }).ClickAsync();
        await manager.GetByText("The endpoint was removed").WaitForAsync();
        (await manager.GetByRole(AriaRole.Link, new() { Name = "https://203.0.113.10/tracking" }).CountAsync()).ShouldBe(0);
        await shots.Check(manager, "webhook-removed");

        // The signed link at the foot of an e-mail opens the same settings without signing in; a forged one is refused.
        var link = new Uri(server.Services.GetRequiredService<Tracking.Notifications.Templates.PortalLinks>().Settings(DemoPeople.Planner));
        var stranger = await browser.OpenPage(server);
        await stranger.GotoAsync(link.PathAndQuery);
        (await stranger.InnerTextAsync("main")).ShouldContain(DemoPeople.Planner);
        (await stranger.GetByLabel("One summary a day").IsCheckedAsync()).ShouldBeTrue("the planner's own settings");
        (await stranger.GetByRole(AriaRole.Link, new() { Name = "Sign out" }).CountAsync()).ShouldBe(0, "nobody is signed in");
        await shots.Check(stranger, "settings-from-link");
        await stranger.GetByLabel("Only send me essential e-mails").CheckAsync();
        await stranger.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await stranger.GetByText("Your e-mail settings have been saved").WaitForAsync();
        (await stranger.GetByLabel("Only send me essential e-mails").IsCheckedAsync()).ShouldBeTrue("the link's change is kept");
        (await stranger.GotoAsync(link.PathAndQuery.Replace("signature=", "signature=0")))!.Status.ShouldBe(200);
        await stranger.Locator(".govuk-error-summary").GetByText("The link is not valid").WaitForAsync();
        (await stranger.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).CountAsync()).ShouldBe(0);
        await shots.Check(stranger, "settings-from-bad-link");
    }

    /// <summary>A message given up after three refusals, as the dispatcher leaves one, with its log.</summary>
    private async Task GivenUpMessage(string recipient)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var at = DateTime.UtcNow.AddMinutes(-5);
        var message = new Notification
        {
            Id = Guid.NewGuid(), EventKey = $"browser-test:{Guid.NewGuid()}", Recipient = recipient, Rule = "publication",
            Subject = "Inspection report published: a test", Text = "-", Html = "-", Status = NotificationStatus.GivenUp, Attempts = 3,
            CreatedAt = at, NextAttemptAt = at, LastError = "550 5.1.1 Mailbox unavailable",
        };
        db.Notifications.Add(message);
        db.DeliveryLog.Add(new DeliveryLogEntry { NotificationId = message.Id, At = at, Outcome = DeliveryOutcome.Queued });
        foreach (var attempt in new[] { 1, 2 })
        {
            db.DeliveryLog.Add(new DeliveryLogEntry { NotificationId = message.Id, At = at.AddMinutes(attempt), Outcome = DeliveryOutcome.Failed,
                Attempt = attempt, Detail = "550 5.1.1 Mailbox unavailable" });
        }

        db.DeliveryLog.Add(new DeliveryLogEntry { NotificationId = message.Id, At = at.AddMinutes(3), Outcome = DeliveryOutcome.GivenUp, Attempt = 3,
            Detail = "550 5.1.1 Mailbox unavailable" });
        await db.SaveChangesAsync();
    }

    /// <summary>A token for the demo planner by e-mail address, as the portal's own calls carry.</summary>
    private HttpClient PlannersApi()
    {
        var token = server.Services.GetRequiredService<TokenIssuer>().Mint(TrackingRoles.Planner, name: "Sara Khan", email: DemoPeople.Planner);
        var client = new HttpClient { BaseAddress = server.Address };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
