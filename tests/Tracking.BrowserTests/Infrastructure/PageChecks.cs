using System.Runtime.CompilerServices;
using Deque.AxeCore.Playwright;

namespace Tracking.BrowserTests.Infrastructure;

public static class PageChecks
{
    /// <summary>Runs axe on the page as it is now; fails listing each violation with the elements it found.</summary>
    public static async Task ShouldHaveNoAxeViolations(this IPage page)
    {
        var result = await page.RunAxe();
        var violations = result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help}\n    " + string.Join("\n    ", v.Nodes.Select(n => n.Html)));
        result.Violations.ShouldBeEmpty($"axe on {page.Url}:\n" + string.Join("\n", violations));
    }
}

/// <summary>Full-page screenshots numbered in the order a test takes them: TestResults/screenshots/&lt;test&gt;/&lt;n&gt;-&lt;page&gt;.png.</summary>
public sealed class Screenshots(string test)
{
    private int _taken;

    public static Screenshots For([CallerMemberName] string test = "") => new(test);

    public string Folder => Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots", test);

    public async Task Take(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, $"{++_taken:00}-{name}.png"), FullPage = true });
    }

    /// <summary>Screenshot, then axe: every page a journey passes is looked at and checked.</summary>
    public async Task Check(IPage page, string name)
    {
        await Take(page, name);
        await page.ShouldHaveNoAxeViolations();
    }
}
