using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tracking.Identity.Data;
using Tracking.IntegrationTests.Infrastructure;
using Tracking.Mail;

namespace Tracking.IntegrationTests.Identity;

/// <summary>Admins invite, change, deactivate and reactivate people over the API; the invited person completes their account from the mailbox.</summary>
[Collection(HostCollection.Name)]
public sealed class When_an_admin_invites_and_manages_people : IAsyncLifetime
{
    private const string ClientSecret = "portal-secret-for-tests";
    private TestDatabase? _database;
    private TestVirtualHost? _vhost;
    private TrackingHost? _host;

    private TrackingHost Host => _host!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.Create();
        _vhost = await TestVirtualHost.Create();
        _host = TrackingHost.Distributed("recommendations,identity", _database, _vhost, extra: new Dictionary<string, string?>
        {
            ["Tracking:Web:ClientSecret"] = ClientSecret,
        });
        _ = Host.Server;
    }

    public Task DisposeAsync() => Teardown.All(_host, _vhost, _database);

    [Fact]
    public async Task An_invited_provider_manager_sets_a_password_from_the_mailbox_and_signs_in()
    {
        var email = $"manager-{Guid.NewGuid():N}@example.org";
        var invited = await Invite(email, "Pat Manager", "provider-manager", "northumbria-crc");
        invited.GetProperty("status").GetString().ShouldBe("Invited");

        var link = InvitationLink(email);
        var portal = new BrowserlessSignIn(Host, ClientSecret);
        var set = await portal.PostForm(link.PathAndQuery, new() { ["Password"] = "Str0ng-Passw0rd!", ["ConfirmPassword"] = "Str0ng-Passw0rd!" });
        (await set.Content.ReadAsStringAsync()).ShouldContain("Your account is ready");

        var otherBrowser = new BrowserlessSignIn(Host, ClientSecret);
        var (code, verifier) = await otherBrowser.Code(email, "Str0ng-Passw0rd!");
        var tokens = await otherBrowser.Redeem(code, verifier);
        var me = Host.CreateClient();
        me.DefaultRequestHeaders.Authorization = new("Bearer", tokens.GetProperty("access_token").GetString());
        var who = await me.GetFromJsonAsync<JsonElement>("/api/me");
        who.GetProperty("name").GetString().ShouldBe("Pat Manager");
        who.GetProperty("providerIds").EnumerateArray().Select(p => p.GetString()).ShouldBe(["northumbria-crc"]);
        (await Outboxed("PersonInvited")).ShouldBe(1);
        (await Outboxed("PersonActivated")).ShouldBe(1);
    }

    [Fact]
    public async Task The_invitation_link_works_only_once()
    {
        var email = $"once-{Guid.NewGuid():N}@example.org";
        await Invite(email, "Once Only", "planner", null);
        var link = InvitationLink(email);
        var portal = new BrowserlessSignIn(Host, ClientSecret);
        await portal.PostForm(link.PathAndQuery, new() { ["Password"] = "Str0ng-Passw0rd!", ["ConfirmPassword"] = "Str0ng-Passw0rd!" });

        var again = await Host.CreateClient().GetStringAsync(link.PathAndQuery);

        again.ShouldContain("The invitation has already been used");
        again.ShouldNotContain("name=\"Password\"");
    }

    [Fact]
    public async Task A_weak_password_is_refused_on_the_field_and_the_link_still_works()
    {
        var email = $"weak-{Guid.NewGuid():N}@example.org";
        await Invite(email, "Weak Password", "planner", null);
        var link = InvitationLink(email);
        var portal = new BrowserlessSignIn(Host, ClientSecret);

        var refused = await portal.PostForm(link.PathAndQuery, new() { ["Password"] = "short", ["ConfirmPassword"] = "short" });

        var page = await refused.Content.ReadAsStringAsync();
        page.ShouldContain("govuk-error-summary");
        page.ShouldContain("href=\"#password\"");
        page.ShouldContain("name=\"Password\"");
        (await Outboxed("PersonActivated")).ShouldBe(0);
    }

    [Fact]
    public async Task Bad_input_names_each_field_and_adds_nobody()
    {
        var response = await Host.ClientAs("admin").PostAsJsonAsync("/api/people", new { email = "nope", name = "", role = "provider-manager" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).ShouldBe(["email", "name", "providerId"], ignoreOrder: true);
        (await _database!.Count("identity.people")).ShouldBe(0);
    }

    [Fact]
    public async Task Only_admins_may_manage_people()
    {
        foreach (var role in new[] { "inspector", "planner" })
        {
            (await Host.ClientAs(role).GetAsync("/api/people")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await Host.ClientAs(role).PostAsJsonAsync("/api/people", new { email = "x@example.org", name = "X", role = "admin" }))
                .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        (await Host.ClientAs("provider-manager", "northumbria-crc").GetAsync("/api/people")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Host.ClientAs("admin").GetAsync($"/api/people/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Host.ClientAs("admin").PostAsync($"/api/people/{Guid.NewGuid()}/deactivation", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_changed_role_shows_in_the_list_and_is_announced()
    {
        var email = $"change-{Guid.NewGuid():N}@example.org";
        var id = (await Invite(email, "Chris Change", "planner", null)).GetProperty("id").GetGuid();
        var admin = Host.ClientAs("admin");

        var changed = await admin.PutAsJsonAsync($"/api/people/{id}", new { name = "Chris Change", role = "provider-manager", providerId = "northumbria-crc" });

        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var listed = (await admin.GetFromJsonAsync<JsonElement>("/api/people")).EnumerateArray().Single(p => p.GetProperty("id").GetGuid() == id);
        listed.GetProperty("role").GetString().ShouldBe("provider-manager");
        listed.GetProperty("providerId").GetString().ShouldBe("northumbria-crc");
        (await Outboxed("PersonChanged")).ShouldBe(1);
    }

    [Fact]
    public async Task A_deactivated_person_cannot_refresh_and_is_reactivated_once()
    {
        var email = $"leaver-{Guid.NewGuid():N}@example.org";
        var id = (await Invite(email, "Lee Leaver", "planner", null)).GetProperty("id").GetGuid();
        var portal = new BrowserlessSignIn(Host, ClientSecret);
        await portal.PostForm(InvitationLink(email).PathAndQuery, new() { ["Password"] = "Str0ng-Passw0rd!", ["ConfirmPassword"] = "Str0ng-Passw0rd!" });
        var fresh = new BrowserlessSignIn(Host, ClientSecret);
        var (code, verifier) = await fresh.Code(email, "Str0ng-Passw0rd!");
        var tokens = await fresh.Redeem(code, verifier);
        var admin = Host.ClientAs("admin");

        (await admin.PostAsync($"/api/people/{id}/deactivation", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var refresh = await fresh.Refresh(tokens.GetProperty("refresh_token").GetString()!);
        refresh.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refresh.Content.ReadAsStringAsync()).ShouldContain("invalid_grant");
        (await admin.PostAsync($"/api/people/{id}/deactivation", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await admin.PostAsync($"/api/people/{id}/reactivation", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.PostAsync($"/api/people/{id}/reactivation", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Outboxed("PersonDeactivated")).ShouldBe(1);
    }

    private async Task<JsonElement> Invite(string email, string name, string role, string? providerId)
    {
        var response = await Host.ClientAs("admin").PostAsJsonAsync("/api/people", new { email, name, role, providerId });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private Uri InvitationLink(string email)
    {
        var message = Host.Services.GetRequiredService<LocalMailbox>().To(email).ShouldHaveSingleItem();
        return new Uri(LocalMailbox.Links(message.TextBody ?? "").Single(l => l.Contains("/account/invitation/", StringComparison.Ordinal)));
    }

    private Task<int> Outboxed(string eventName) => Host.Query(sp => sp.GetRequiredService<PeopleDbContext>().Outbox
        .CountAsync(m => m.MessageType.EndsWith("." + eventName)));
}
