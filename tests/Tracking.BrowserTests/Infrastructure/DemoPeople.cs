namespace Tracking.BrowserTests.Infrastructure;

/// <summary>The seeded demo people (README), signing in through the identity role's real pages.</summary>
public static class DemoPeople
{
    public const string Password = "Demo-Passw0rd!";
    public const string Manager = "manager@demo.tracking.test";
    public const string Inspector = "inspector@demo.tracking.test";
    public const string Planner = "planner@demo.tracking.test";
    public const string Admin = "admin@demo.tracking.test";
    public const string NorthumbriaId = "northumbria-crc";

    /// <summary>Opens the portal, is sent to the sign-in page, signs in and lands back on the page asked for.</summary>
    public static async Task SignIn(this IPage page, string email, string path = "/", Screenshots? shots = null)
    {
        await page.GotoAsync(path);
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        if (shots is not null)
        {
            await shots.Check(page, "sign-in");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal) && !url.Contains("/signin-oidc", StringComparison.Ordinal));
        new Uri(page.Url).AbsolutePath.ShouldBe(path, $"after signing in: {await page.InnerTextAsync("body")}");
    }

    public static async Task SignOut(this IPage page)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign out" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "You have signed out" }).WaitForAsync();
    }
}

public static class PortalPages
{
    /// <summary>The home list comes from planning's read model, filled from events a moment after start: reload until it shows.</summary>
    public static async Task WaitForRecommendationList(this IPage page)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await page.Locator("tbody tr").CountAsync() < 8 && DateTime.UtcNow < deadline)
        {
            await page.WaitForTimeoutAsync(500);
            await page.ReloadAsync();
        }
    }

    /// <summary>The planners' outstanding list, likewise filled from events a moment after start.</summary>
    public static async Task WaitForOutstandingRows(this IPage page)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await page.Locator("tbody tr").CountAsync() < 8 && DateTime.UtcNow < deadline)
        {
            await page.WaitForTimeoutAsync(500);
            await page.ReloadAsync();
        }
    }
}
