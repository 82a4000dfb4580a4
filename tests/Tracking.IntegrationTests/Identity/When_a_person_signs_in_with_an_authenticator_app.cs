using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using Tracking.IntegrationTests.Infrastructure;
using Tracking.Mail;

namespace Tracking.IntegrationTests.Identity;

/// <summary>
/// MFA by role (default: inspectors and admins): an invited inspector is sent to set up an authenticator app before any
/// client gets a code, and from then on signs in with password and code (or a recovery code, once).
/// </summary>
[Collection(HostCollection.Name)]
public sealed class When_a_person_signs_in_with_an_authenticator_app : IAsyncLifetime
{
    private const string ClientSecret = "portal-secret-for-tests";
    private const string Password = "Str0ng-Passw0rd!";
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
    public async Task An_inspector_sets_up_the_app_before_getting_a_token_and_then_needs_a_code_to_sign_in()
    {
        var email = $"inspector-{Guid.NewGuid():N}@example.org";
        var invitation = await Invite(email);
        var completed = await new BrowserlessSignIn(Host, ClientSecret).PostForm(invitation, new() { ["Password"] = Password, ["ConfirmPassword"] = Password });
        (await completed.Content.ReadAsStringAsync()).ShouldContain("Your role needs a second step when you sign in");

        var first = new BrowserlessSignIn(Host, ClientSecret);
        var (authorize, verifier) = BrowserlessSignIn.Authorization();
        var toSignIn = await BrowserlessSignIn.Redirected(await first.Get(authorize));
        var toSecurity = await BrowserlessSignIn.Redirected(await first.PostForm(toSignIn.PathAndQuery, new() { ["Email"] = email, ["Password"] = Password }));
        toSecurity.AbsolutePath.ShouldBe("/account/security");
        var setUp = new HtmlParser().ParseDocument(await (await first.Get(toSecurity.PathAndQuery)).Content.ReadAsStringAsync());
        var key = setUp.QuerySelector("#authenticator-key").ShouldNotBeNull().TextContent;
        setUp.QuerySelector("#authenticator-uri")!.GetAttribute("href").ShouldBe(
            $"otpauth://totp/Tracking:{Uri.EscapeDataString(email)}?secret={key.Replace(" ", "").ToUpperInvariant()}&issuer=Tracking&digits=6&period=30");
        // Still no code for the client: authorize sends them back to set-up.
        (await BrowserlessSignIn.Redirected(await first.Get(authorize))).AbsolutePath.ShouldBe("/account/security");

        var wrong = await first.PostForm(toSecurity.PathAndQuery, new() { ["Code"] = WrongCode(key) });
        (await wrong.Content.ReadAsStringAsync()).ShouldContain("The code is not correct");
        var turnedOn = await first.PostForm(toSecurity.PathAndQuery, new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        var recovery = new HtmlParser().ParseDocument(await turnedOn.Content.ReadAsStringAsync());
        var recoveryCodes = recovery.QuerySelectorAll("#recovery-codes code").Select(c => c.TextContent).ToList();
        recoveryCodes.Count.ShouldBe(10);
        var continueTo = new Uri(new Uri("http://localhost"), recovery.QuerySelector("a.govuk-button")!.GetAttribute("href"));
        var tokens = await first.Redeem(await first.CodeAt(continueTo), verifier);
        (await Recommendations(tokens)).ShouldBe(HttpStatusCode.OK);

        var second = new BrowserlessSignIn(Host, ClientSecret);
        (authorize, verifier) = BrowserlessSignIn.Authorization();
        toSignIn = await BrowserlessSignIn.Redirected(await second.Get(authorize));
        var toCode = await BrowserlessSignIn.Redirected(await second.PostForm(toSignIn.PathAndQuery, new() { ["Email"] = email, ["Password"] = Password }));
        toCode.AbsolutePath.ShouldBe("/account/two-factor");
        var refused = await second.PostForm(toCode.PathAndQuery, new() { ["Code"] = WrongCode(key) });
        var refusedPage = await refused.Content.ReadAsStringAsync();
        refusedPage.ShouldContain("govuk-error-summary");
        refusedPage.ShouldContain("href=\"#Code\"");
        var back = await BrowserlessSignIn.Redirected(await second.PostForm(toCode.PathAndQuery, new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) }));
        back.AbsolutePath.ShouldBe("/connect/authorize");
        (await Recommendations(await second.Redeem(await second.CodeAt(back), verifier))).ShouldBe(HttpStatusCode.OK);

        var third = new BrowserlessSignIn(Host, ClientSecret);
        (authorize, _) = BrowserlessSignIn.Authorization();
        toSignIn = await BrowserlessSignIn.Redirected(await third.Get(authorize));
        toCode = await BrowserlessSignIn.Redirected(await third.PostForm(toSignIn.PathAndQuery, new() { ["Email"] = email, ["Password"] = Password }));
        var withRecovery = await third.PostForm(toCode.PathAndQuery, new() { ["RecoveryCode"] = recoveryCodes[0] }, "form[action$='handler=Recovery']");
        (await BrowserlessSignIn.Redirected(withRecovery)).AbsolutePath.ShouldBe("/connect/authorize");
    }

    [Fact]
    public async Task A_planner_whose_role_does_not_need_it_signs_in_with_a_password_alone()
    {
        var email = $"planner-{Guid.NewGuid():N}@example.org";
        var invitation = await Invite(email, "planner");
        await new BrowserlessSignIn(Host, ClientSecret).PostForm(invitation, new() { ["Password"] = Password, ["ConfirmPassword"] = Password });

        var portal = new BrowserlessSignIn(Host, ClientSecret);
        var (code, verifier) = await portal.Code(email, Password);

        (await Recommendations(await portal.Redeem(code, verifier))).ShouldBe(HttpStatusCode.OK);
    }

    private async Task<string> Invite(string email, string role = "inspector")
    {
        var response = await Host.ClientAs("admin").PostAsJsonAsync("/api/people", new { email, name = "Ina Spector", role });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var message = Host.Services.GetRequiredService<LocalMailbox>().To(email).ShouldHaveSingleItem();
        return new Uri(LocalMailbox.Links(message.TextBody ?? "").Single(l => l.Contains("/account/invitation/", StringComparison.Ordinal))).PathAndQuery;
    }

    /// <summary>A code no nearby time step gives (the provider accepts a little clock drift either side).</summary>
    private static string WrongCode(string key)
    {
        var near = Enumerable.Range(-3, 7).Select(step => Totp.Code(key, DateTimeOffset.UtcNow.AddSeconds(step * 30))).ToHashSet();
        return Enumerable.Range(0, 100).Select(i => i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(c => !near.Contains(c));
    }

    private async Task<HttpStatusCode> Recommendations(JsonElement tokens)
    {
        var api = Host.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("access_token").GetString());
        return (await api.GetAsync("/api/recommendations")).StatusCode;
    }
}
