using System.IdentityModel.Tokens.Jwt;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tracking.Identity.Data;
using Tracking.IntegrationTests.Infrastructure;
using Tracking.Mail;

namespace Tracking.IntegrationTests.Identity;

/// <summary>Lockout after repeated failures, the e-mailed reset that ends it, the audit log and short-lived access tokens.</summary>
[Collection(HostCollection.Name)]
public sealed class When_sign_in_goes_wrong : IAsyncLifetime
{
    private const string ClientSecret = "portal-secret-for-tests";
    private const string Inspector = "inspector@demo.tracking.test";
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
            ["Tracking:SeedDemoData"] = "true",
            ["Tracking:Web:ClientSecret"] = ClientSecret,
            ["Tracking:Identity:LockoutAfterFailures"] = "3",
            ["Tracking:Identity:AccessTokenLifetime"] = "00:02:00",
        });
        _ = Host.Server;
    }

    public Task DisposeAsync() => Teardown.All(_host, _vhost, _database);

    [Fact]
    public async Task Three_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var browser = new BrowserlessSignIn(Host, ClientSecret);
        for (var i = 0; i < 3; i++)
        {
            await browser.PostForm("/account/sign-in", new() { ["Email"] = Inspector, ["Password"] = "wrong" });
        }

        var locked = await browser.PostForm("/account/sign-in", new() { ["Email"] = Inspector, ["Password"] = "Demo-Passw0rd!" });

        (await locked.Content.ReadAsStringAsync()).ShouldContain("You have entered the wrong details too many times");
        var actions = await Audit();
        actions.Count(a => a == "sign-in-failed").ShouldBe(2);
        actions.ShouldContain("locked-out");
        actions.ShouldNotContain("sign-in");
    }

    [Fact]
    public async Task A_reset_link_from_the_mailbox_sets_a_new_password_and_ends_the_lockout()
    {
        var browser = new BrowserlessSignIn(Host, ClientSecret);
        for (var i = 0; i < 3; i++)
        {
            await browser.PostForm("/account/sign-in", new() { ["Email"] = Inspector, ["Password"] = "wrong" });
        }

        var asked = await browser.PostForm("/account/reset-password", new() { ["Email"] = Inspector });
        (await asked.Content.ReadAsStringAsync()).ShouldContain("Check your email");
        var message = Host.Services.GetRequiredService<LocalMailbox>().To(Inspector).ShouldHaveSingleItem();
        var link = new Uri(LocalMailbox.Links(message.TextBody ?? "").Single());
        var changed = await browser.PostForm(link.PathAndQuery, new() { ["Password"] = "N3w-Passw0rd!", ["ConfirmPassword"] = "N3w-Passw0rd!" });
        (await changed.Content.ReadAsStringAsync()).ShouldContain("Your password has been changed");

        var (code, verifier) = await new BrowserlessSignIn(Host, ClientSecret).Code(Inspector, "N3w-Passw0rd!");

        code.ShouldNotBeNullOrEmpty();
        var reused = await browser.PostForm(link.PathAndQuery, new() { ["Password"] = "Other-Passw0rd!", ["ConfirmPassword"] = "Other-Passw0rd!" });
        (await reused.Content.ReadAsStringAsync()).ShouldContain("This reset link has expired or been used");
        (await Audit()).ShouldContain("password-reset");
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_answer_and_no_mail()
    {
        var browser = new BrowserlessSignIn(Host, ClientSecret);

        var asked = await browser.PostForm("/account/reset-password", new() { ["Email"] = "nobody@example.org" });

        (await asked.Content.ReadAsStringAsync()).ShouldContain("Check your email");
        Host.Services.GetRequiredService<LocalMailbox>().To("nobody@example.org").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_sign_in_is_audited_with_who_when_and_from_where()
    {
        var browser = new BrowserlessSignIn(Host, ClientSecret);

        var (code, verifier) = await browser.Code(Inspector, "Demo-Passw0rd!");
        var tokens = await browser.Redeem(code, verifier);

        var entry = await Host.Query(sp => sp.GetRequiredService<PeopleDbContext>().AuditLog.SingleAsync(e => e.Action == "sign-in"));
        entry.Email.ShouldBe(Inspector);
        entry.Actor.ShouldBe(entry.PersonId);
        entry.At.ShouldBeGreaterThan(DateTime.UtcNow.AddMinutes(-5));
        // "From where": the test server has no remote address, so the browser it names is what shows here.
        entry.UserAgent.ShouldBe("TrackingTests/1.0");
        var jwt = new JwtSecurityTokenHandler().ReadJwtToken(tokens.GetProperty("access_token").GetString());
        (jwt.ValidTo - jwt.IssuedAt).ShouldBe(TimeSpan.FromMinutes(2));
    }

    [Fact]
    public async Task A_wrong_client_secret_gets_no_tokens()
    {
        var browser = new BrowserlessSignIn(Host, ClientSecret);
        var (code, verifier) = await browser.Code(Inspector, "Demo-Passw0rd!");

        var stolen = new BrowserlessSignIn(Host, "not-the-secret");
        var response = await stolen.Refresh("anything");

        response.StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (await browser.Redeem(code, verifier)).GetProperty("access_token").GetString().ShouldNotBeNullOrEmpty();
    }

    private Task<List<string>> Audit() => Host.Query(sp => sp.GetRequiredService<PeopleDbContext>().AuditLog
        .OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
}
