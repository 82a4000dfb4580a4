using Tracking.BrowserTests.Infrastructure;

namespace Tracking.BrowserTests.Portal;

[Collection(BrowserCollection.Name)]
public sealed class When_someone_reads_the_support_pages(PortalServer server, BrowserSession browser)
{
    [Fact]
    public async Task The_accessibility_cookies_and_privacy_pages_are_reachable_from_every_footer_without_signing_in()
    {
        var shots = Screenshots.For();
        var page = await browser.OpenPage(server);

        await page.GotoAsync("/accessibility");
        (await page.TitleAsync()).ShouldBe("Accessibility statement – Track inspection recommendations – GOV.UK");
        await shots.Check(page, "accessibility");

        await page.GetByRole(AriaRole.Contentinfo).GetByRole(AriaRole.Link, new() { Name = "Cookies" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Cookies", Level = 1 }).WaitForAsync();
        await shots.Check(page, "cookies");

        await page.GetByRole(AriaRole.Contentinfo).GetByRole(AriaRole.Link, new() { Name = "Privacy" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Privacy notice", Level = 1 }).WaitForAsync();
        await shots.Check(page, "privacy");
    }

    [Fact]
    public async Task Pages_allow_only_scripts_carrying_the_nonce_and_the_gov_uk_scripts_still_run()
    {
        var page = await browser.OpenPage(server);
        var response = await page.GotoAsync("/cookies");

        var policy = response!.Headers["content-security-policy"];
        policy.ShouldContain("script-src 'self' 'nonce-");
        policy.ShouldNotContain("unsafe-inline");
        (await page.EvaluateAsync<bool>("document.body.classList.contains('govuk-frontend-supported')")).ShouldBeTrue();
    }
}
