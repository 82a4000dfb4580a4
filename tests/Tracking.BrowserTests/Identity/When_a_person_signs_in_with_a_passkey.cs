using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Tracking.BrowserTests.Infrastructure;
using Tracking.Mail;
using Tracking.ServiceDefaults.Security;
using Xunit.Abstractions;

namespace Tracking.BrowserTests.Identity;

/// <summary>
/// Passkeys through ASP.NET Identity's own WebAuthn support, with Chromium's virtual authenticator standing in for a
/// phone or security key. WebAuthn refuses IP addresses as a site's identity, so these pages are opened on localhost.
/// An inspector's role needs a second factor: a passkey is one, so no authenticator app is demanded of them.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class When_a_person_signs_in_with_a_passkey(PortalServer server, BrowserSession browser, ITestOutputHelper output)
{
    private const string Password = "Passk3y-Inspector!";

    [Fact]
    public async Task An_inspector_whose_only_second_factor_is_a_passkey_signs_in_with_it_alone_or_after_their_password()
    {
        var shots = Screenshots.For();
        var steps = new JourneySteps(output, shots);
        var site = new Uri($"http://localhost:{server.Address.Port}/");
        var email = $"passkey-inspector-{Guid.NewGuid():N}@example.org";
        const string name = "Priya Passkey";
        var invited = await server.ApiAs(TrackingRoles.Admin).PostAsJsonAsync("/api/people", new { email, name, role = TrackingRoles.Inspector, providerId = (string?)null });
        invited.EnsureSuccessStatusCode();
        var mail = server.Services.GetRequiredService<LocalMailbox>().To(email).ShouldHaveSingleItem("the invitation in the local mailbox");
        var link = new Uri(LocalMailbox.Links(mail.TextBody ?? "").Single(l => l.Contains("/account/invitation/", StringComparison.Ordinal)));

        var page = await browser.OpenPage(server);
        page.Console += (_, message) => output.WriteLine($"console {message.Type}: {message.Text}");
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable");
        await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });

        await steps.Run(page, "inspector sets a password from the invitation", async () =>
        {
            await page.GotoAsync(new Uri(site, link.PathAndQuery).ToString());
            await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
            await page.GetByLabel("Confirm password").FillAsync(Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
            await page.GetByRole(AriaRole.Heading, new() { Name = "Your account is ready" }).WaitForAsync();
            (await page.InnerTextAsync("main")).ShouldContain("or a passkey");
        });
        await steps.Run(page, "inspector adds a passkey instead of an authenticator app", async () =>
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Set up an authenticator app" }).ClickAsync();
            await page.GetByRole(AriaRole.Heading, new() { Name = "Passkeys" }).WaitForAsync();
            (await page.InnerTextAsync("main")).ShouldContain("You have no passkeys");
            await shots.Check(page, "security");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" }).ClickAsync();
            await page.Locator("#passkey-added").WaitForAsync();
            (await page.Locator("#passkeys li").CountAsync()).ShouldBe(1);
            (await page.InnerTextAsync("main")).ShouldContain("An authenticator app is optional");
            (await page.Locator("#continue").CountAsync()).ShouldBe(1, "a passkey is enough to go on");
            await shots.Check(page, "passkey-added");
        });
        await steps.Run(page, "inspector signs out", () => SignOut(page, site));
        await steps.Run(page, "inspector signs in with the passkey alone", async () =>
        {
            await page.GotoAsync(new Uri(site, "/account/sign-in?ReturnUrl=" + Uri.EscapeDataString(DocsAuthorize(site))).ToString());
            await shots.Check(page, "sign-in-with-passkey");
            await page.GetByRole(AriaRole.Button, new() { Name = "Use a passkey" }).ClickAsync();
            await ShouldBeGivenACode(page, site, "the passkey is their second factor: not sent to set up an authenticator app");
        });
        await steps.Run(page, "inspector signs out again", () => SignOut(page, site));
        await steps.Run(page, "inspector signs in with the password and is asked for the passkey", async () =>
        {
            await page.GotoAsync(new Uri(site, "/account/sign-in?ReturnUrl=" + Uri.EscapeDataString(DocsAuthorize(site))).ToString());
            await page.GetByLabel("Email address").FillAsync(email);
            await page.GetByLabel("Password").FillAsync(Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Heading, new() { Name = "Use your passkey to finish signing in" }).WaitForAsync();
            await shots.Check(page, "use-passkey");
            await page.GetByRole(AriaRole.Button, new() { Name = "Use your passkey" }).ClickAsync();
            await ShouldBeGivenACode(page, site, "password and passkey are both factors");
        });
    }

    /// <summary>
    /// The API docs' sign-in request (code + PKCE, the docs page on this origin as redirect URI): the portal's client
    /// here is registered for 127.0.0.1, where WebAuthn cannot run, so the docs client stands in for "a client".
    /// </summary>
    private static string DocsAuthorize(Uri site)
    {
        var challenge = Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes("browser-test-verifier-0123456789abcdef0123")))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return "/connect/authorize?client_id=tracking-docs&response_type=code&scope=tracking-api&state=passkey-journey"
               + $"&redirect_uri={Uri.EscapeDataString(new Uri(site, "/scalar/").ToString())}&code_challenge={challenge}&code_challenge_method=S256";
    }

    private static async Task ShouldBeGivenACode(IPage page, Uri site, string why)
    {
        await page.WaitForURLAsync(url => url.Contains("/scalar/", StringComparison.Ordinal));
        var at = new Uri(page.Url);
        at.GetLeftPart(UriPartial.Path).ShouldBe(new Uri(site, "/scalar/").ToString(), why);
        at.Query.ShouldContain("code=", customMessage: why);
        at.Query.ShouldContain("state=passkey-journey");
    }

    private static async Task SignOut(IPage page, Uri site)
    {
        await page.GotoAsync(new Uri(site, "/account/sign-out").ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "You have signed out" }).WaitForAsync();
    }
}
