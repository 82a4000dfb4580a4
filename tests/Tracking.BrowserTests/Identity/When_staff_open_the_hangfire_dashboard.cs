using Tracking.BrowserTests.Infrastructure;

namespace Tracking.BrowserTests.Identity;

/// <summary>The Hangfire dashboard in a browser with the portal's sign-in: inspectors and planners in, others refused.</summary>
[Collection(BrowserCollection.Name)]
public sealed class When_staff_open_the_hangfire_dashboard(PortalServer server, BrowserSession browser)
{
    [Fact]
    public async Task An_inspector_and_a_planner_see_the_dashboard_after_signing_in_and_a_provider_manager_is_refused()
    {
        foreach (var staff in new[] { DemoPeople.Inspector, "planner@demo.tracking.test" })
        {
            var page = await browser.OpenPage(server);
            await page.SignIn(staff, "/hangfire");
            (await page.TitleAsync()).ShouldContain("Tracking: scheduled timers");
            await page.Context.CloseAsync();
        }

        var manager = await browser.OpenPage(server);
        await manager.SignIn(DemoPeople.Manager);
        var refused = await manager.GotoAsync("/hangfire");
        refused!.Status.ShouldBe(403);
        await manager.GetByRole(AriaRole.Heading, new() { Name = "You cannot view this page" }).WaitForAsync();
    }
}
