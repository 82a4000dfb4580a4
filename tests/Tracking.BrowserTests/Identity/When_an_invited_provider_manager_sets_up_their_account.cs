using Microsoft.Extensions.DependencyInjection;
using Tracking.BrowserTests.Infrastructure;
using Tracking.Mail;
using Xunit.Abstractions;

namespace Tracking.BrowserTests.Identity;

/// <summary>
/// The whole way into the service for a new person: the admin invites them in the admin pages, the invitation is read
/// from the local mailbox, they set a password and an authenticator app, and sign in again with both. axe checks every
/// identity page on the way, error states included.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class When_an_invited_provider_manager_sets_up_their_account(PortalServer server, BrowserSession browser, ITestOutputHelper output)
{
    private const string Password = "Northumbria-Passw0rd!";

    [Fact]
    public async Task They_follow_the_mailed_link_set_a_password_and_an_authenticator_app_and_sign_in_with_both()
    {
        var shots = Screenshots.For();
        var steps = new JourneySteps(output, shots);
        var email = $"new-manager-{Guid.NewGuid():N}@northumbria.example";
        const string name = "Grace Okafor";

        var admin = await browser.OpenPage(server);
        await steps.Run(admin, "admin signs in", () => admin.SignIn(DemoPeople.Admin, "/admin/people"));
        await steps.Run(admin, "admin sends an empty invitation", async () =>
        {
            await shots.Check(admin, "people");
            await admin.GetByRole(AriaRole.Button, new() { Name = "Invite a person" }).ClickAsync();
            await admin.GetByRole(AriaRole.Heading, new() { Name = "Invite a person", Level = 1 }).WaitForAsync();
            await shots.Check(admin, "invite");
            await admin.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
            await admin.Locator(".govuk-error-summary").WaitForAsync();
            await shots.Check(admin, "invite-errors");
        });
        await steps.Run(admin, "admin invites the manager", async () =>
        {
            await admin.GetByLabel("Email address").FillAsync(email);
            await admin.GetByLabel("Full name").FillAsync(name);
            await admin.GetByRole(AriaRole.Radio, new() { Name = "Provider manager" }).CheckAsync();
            await admin.GetByLabel("Provider (provider managers only)").FillAsync(DemoPeople.NorthumbriaId);
            await admin.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
            await admin.GetByText($"{name} has been sent an invitation to {email}").WaitForAsync();
            await shots.Check(admin, "invited");
        });

        var mail = server.Services.GetRequiredService<LocalMailbox>().To(email).ShouldHaveSingleItem("the invitation in the local mailbox");
        var link = LocalMailbox.Links(mail.TextBody ?? "").Where(l => l.Contains("/account/invitation/", StringComparison.Ordinal))
            .ShouldHaveSingleItem($"the invitation link in: {mail.TextBody}");

        var manager = await browser.OpenPage(server);
        await steps.Run(manager, "manager opens the invitation", async () =>
        {
            await manager.GotoAsync(link);
            await manager.GetByRole(AriaRole.Heading, new() { Name = "Set your password" }).WaitForAsync();
            (await manager.InnerTextAsync("main")).ShouldContain($"Welcome, {name}");
            await shots.Check(manager, "set-password");
        });
        await steps.Run(manager, "manager mistypes the confirmation", async () =>
        {
            await manager.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
            await manager.GetByLabel("Confirm password").FillAsync(Password + "x");
            await manager.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
            await manager.Locator(".govuk-error-summary").WaitForAsync();
            await shots.Check(manager, "set-password-errors");
        });
        await steps.Run(manager, "manager sets the password", async () =>
        {
            await manager.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
            await manager.GetByLabel("Confirm password").FillAsync(Password);
            await manager.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
            await manager.GetByRole(AriaRole.Heading, new() { Name = "Your account is ready" }).WaitForAsync();
            await shots.Check(manager, "account-ready");
        });

        var key = "";
        await steps.Run(manager, "manager enters a wrong authenticator code", async () =>
        {
            await manager.GetByRole(AriaRole.Link, new() { Name = "Set up an authenticator app" }).ClickAsync();
            await manager.GetByRole(AriaRole.Heading, new() { Name = "Set up an authenticator app", Level = 1 }).WaitForAsync();
            key = await manager.Locator("#authenticator-key").InnerTextAsync();
            await shots.Check(manager, "authenticator");
            await manager.GetByLabel("Code from your authenticator app").FillAsync(Totp.Wrong(key));
            await manager.GetByRole(AriaRole.Button, new() { Name = "Turn on" }).ClickAsync();
            await manager.Locator(".govuk-error-summary").WaitForAsync();
            await shots.Check(manager, "authenticator-errors");
        });
        await steps.Run(manager, "manager turns on the authenticator app", async () =>
        {
            await manager.GetByLabel("Code from your authenticator app").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
            await manager.GetByRole(AriaRole.Button, new() { Name = "Turn on" }).ClickAsync();
            await manager.GetByRole(AriaRole.Heading, new() { Name = "Save your recovery codes" }).WaitForAsync();
            (await manager.Locator("#recovery-codes li").CountAsync()).ShouldBe(10);
            await shots.Check(manager, "recovery-codes");
        });
        await steps.Run(manager, "manager continues to the portal", async () =>
        {
            await manager.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
            await manager.GetByText($"Signed in as {name}.").WaitForAsync();
        });
        await steps.Run(manager, "manager signs out", async () =>
        {
            await manager.SignOut();
            await shots.Check(manager, "signed-out");
        });

        await steps.Run(manager, "manager mistypes the password", async () =>
        {
            await manager.GotoAsync("/");
            await manager.GetByLabel("Email address").FillAsync(email);
            await manager.GetByLabel("Password").FillAsync("not-" + Password);
            await manager.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await manager.Locator(".govuk-error-summary").WaitForAsync();
            await shots.Check(manager, "sign-in-errors");
        });
        await steps.Run(manager, "manager signs in with the password", async () =>
        {
            await manager.GetByLabel("Password").FillAsync(Password);
            await manager.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await manager.GetByRole(AriaRole.Heading, new() { Name = "Enter the code from your authenticator app" }).WaitForAsync();
            await shots.Check(manager, "two-factor");
        });
        await steps.Run(manager, "manager enters a wrong code at sign-in", async () =>
        {
            await manager.GetByLabel("Code", new() { Exact = true }).FillAsync(Totp.Wrong(key));
            await manager.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
            await manager.Locator(".govuk-error-summary").WaitForAsync();
            await shots.Check(manager, "two-factor-errors");
        });
        await steps.Run(manager, "manager signs in with the code", async () =>
        {
            await manager.GetByLabel("Code", new() { Exact = true }).FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
            await manager.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
            await manager.GetByText($"Signed in as {name}.").WaitForAsync();
            new Uri(manager.Url).AbsolutePath.ShouldBe("/");
            await shots.Take(manager, "home");
        });
    }
}
