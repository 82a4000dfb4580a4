using Tracking.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Tracking.BrowserTests.Identity;

/// <summary>
/// Passkeys through ASP.NET Identity's own WebAuthn support, with Chromium's virtual authenticator standing in for a
/// phone or security key. WebAuthn refuses IP addresses as a site's identity, so these pages are opened on localhost.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class When_a_person_signs_in_with_a_passkey(PortalServer server, BrowserSession browser, ITestOutputHelper output)
{
    [Fact]
    public async Task The_planner_adds_a_passkey_on_the_security_page_and_signs_in_with_it_alone()
    {
        var shots = Screenshots.For();
        var steps = new JourneySteps(output, shots);
        var site = new Uri($"http://localhost:{server.Address.Port}/");
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

        await steps.Run(page, "planner signs in with the password", async () =>
        {
            await page.GotoAsync(new Uri(site, "/account/sign-in?ReturnUrl=%2Faccount%2Fsecurity").ToString());
            await page.GetByLabel("Email address").FillAsync(DemoPeople.Planner);
            await page.GetByLabel("Password").FillAsync(DemoPeople.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Heading, new() { Name = "Passkeys" }).WaitForAsync();
            (await page.InnerTextAsync("main")).ShouldContain("You have no passkeys");
            await shots.Check(page, "security");
        });
        await steps.Run(page, "planner adds a passkey", async () =>
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" }).ClickAsync();
            await page.Locator("#passkey-added").WaitForAsync();
            (await page.Locator("#passkeys li").CountAsync()).ShouldBe(1);
            await shots.Check(page, "passkey-added");
        });
        await steps.Run(page, "planner signs out", async () =>
        {
            await page.GotoAsync(new Uri(site, "/account/sign-out").ToString());
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
            await page.GetByRole(AriaRole.Heading, new() { Name = "You have signed out" }).WaitForAsync();
        });
        await steps.Run(page, "planner signs in with the passkey", async () =>
        {
            await page.GotoAsync(new Uri(site, "/account/sign-in?ReturnUrl=%2Faccount%2Fsecurity").ToString());
            await shots.Check(page, "sign-in-with-passkey");
            await page.GetByRole(AriaRole.Button, new() { Name = "Use a passkey" }).ClickAsync();
            await page.Locator("#passkeys li").WaitForAsync();
            new Uri(page.Url).AbsolutePath.ShouldBe("/account/security", "signed in by the passkey alone, no password or code");
        });
    }
}
