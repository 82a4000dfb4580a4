using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tracking.Identity.Data;
using Tracking.IntegrationTests.Infrastructure;
using Tracking.Mail;

namespace Tracking.IntegrationTests.Identity;

/// <summary>The /admin/people pages over HTTP as a browser without JavaScript uses them: forms, antiforgery, redirects.</summary>
[Collection(HostCollection.Name)]
public sealed class When_an_admin_manages_people_in_the_pages : IAsyncLifetime
{
    private const string Password = "Demo-Passw0rd!";
    private TestDatabase? _database;
    private TestVirtualHost? _vhost;
    private TrackingHost? _host;

    private TrackingHost Host => _host!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.Create();
        _vhost = await TestVirtualHost.Create();
        _host = TrackingHost.Distributed("identity", _database, _vhost, extra: new Dictionary<string, string?>
        {
            ["Tracking:SeedDemoData"] = "true",
            ["Tracking:Web:ClientSecret"] = "portal-secret-for-tests",
        });
        _ = Host.Server;
    }

    public Task DisposeAsync() => Teardown.All(_host, _vhost, _database);

    [Fact]
    public async Task An_admin_invites_changes_deactivates_and_reactivates_a_person()
    {
        var admin = await SignedIn("admin@demo.tracking.test");
        var email = $"pat-{Guid.NewGuid():N}@example.org";

        var invited = await admin.PostForm("/admin/people/invite", new()
        {
            ["Input.Email"] = email, ["Input.Name"] = "Pat Manager", ["Input.Role"] = "provider-manager", ["Input.ProviderId"] = "northumbria-crc",
        });
        invited.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var list = await (await admin.Get("/admin/people")).Content.ReadAsStringAsync();
        list.ShouldContain($"Pat Manager has been sent an invitation to {email}");
        list.ShouldContain(email);
        Host.Services.GetRequiredService<LocalMailbox>().To(email).ShouldHaveSingleItem();
        var personPage = $"/admin/people/{await PersonId(email)}";

        (await admin.PostForm(personPage, new() { }, "form[action$='handler=Reinvite']")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Host.Services.GetRequiredService<LocalMailbox>().To(email).Count.ShouldBe(2);

        var changed = await admin.PostForm(personPage, new() { ["Input.Name"] = "Pat Planner", ["Input.Role"] = "planner", ["Input.ProviderId"] = "" },
            "form[action$='handler=Change']");
        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await (await admin.Get("/admin/people")).Content.ReadAsStringAsync()).ShouldContain("Pat Planner&#x27;s details have been changed");

        (await admin.PostForm(personPage, new() { }, "form[action$='handler=Deactivate']")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var deactivated = await (await admin.Get(personPage)).Content.ReadAsStringAsync();
        deactivated.ShouldContain("Deactivated");
        deactivated.ShouldContain("handler=Reactivate");
        (await admin.PostForm(personPage, new() { }, "form[action$='handler=Reactivate']")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Outboxed("PersonInvited", "PersonChanged", "PersonDeactivated")).ShouldBe(3);
        (await Outboxed("PersonActivated")).ShouldBe(5);
    }

    [Fact]
    public async Task Bad_input_shows_each_field_in_the_error_summary_and_adds_nobody()
    {
        var admin = await SignedIn("admin@demo.tracking.test");

        var refused = await admin.PostForm("/admin/people/invite", new() { ["Input.Email"] = "nope", ["Input.Name"] = "", ["Input.Role"] = "provider-manager" });

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await refused.Content.ReadAsStringAsync();
        page.ShouldContain("<title>Error: Invite a person");
        page.ShouldContain("govuk-error-summary");
        foreach (var field in new[] { "Input_Email", "Input_Name", "Input_ProviderId" })
        {
            page.ShouldContain($"href=\"#{field}\"");
            page.ShouldContain($"id=\"{field}-error\"");
        }

        (await _database!.Count("identity.people")).ShouldBe(4);
    }

    [Fact]
    public async Task An_admin_cannot_deactivate_themselves_and_is_told_why()
    {
        var admin = await SignedIn("admin@demo.tracking.test");
        var me = $"/admin/people/{await PersonId("admin@demo.tracking.test")}";

        var refused = await admin.PostForm(me, new() { }, "form[action$='handler=Deactivate']");

        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("You cannot deactivate your own account: ask another admin");
        (await Outboxed("PersonDeactivated")).ShouldBe(0);
    }

    [Fact]
    public async Task Only_admins_see_the_pages_and_strangers_are_sent_to_sign_in()
    {
        var anonymous = new BrowserlessSignIn(Host, "unused");
        var toSignIn = await anonymous.Get("/admin/people");
        toSignIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        toSignIn.Headers.Location!.ToString().ShouldContain("/account/sign-in");

        foreach (var email in new[] { "inspector@demo.tracking.test", "planner@demo.tracking.test", "manager@demo.tracking.test" })
        {
            var other = await SignedIn(email);
            var forbidden = await other.Get("/admin/people");
            forbidden.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await forbidden.Content.ReadAsStringAsync()).ShouldContain("You cannot view this page");
            (await other.Get("/admin/people/invite")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        var admin = await SignedIn("admin@demo.tracking.test");
        (await admin.Get($"/admin/people/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private async Task<BrowserlessSignIn> SignedIn(string email)
    {
        var browser = new BrowserlessSignIn(Host, "unused");
        await browser.SignIn(email, Password);
        return browser;
    }

    private Task<string> PersonId(string email) => Host.Query(sp => sp.GetRequiredService<PeopleDbContext>().People
        .Where(p => p.Email == email).Select(p => p.Id).SingleAsync());

    private Task<int> Outboxed(params string[] eventNames) => Host.Query(async sp =>
    {
        var types = await sp.GetRequiredService<PeopleDbContext>().Outbox.Select(m => m.MessageType).ToListAsync();
        return types.Count(t => eventNames.Any(e => t.EndsWith("." + e, StringComparison.Ordinal)));
    });
}
