using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tracking.BrowserTests.Infrastructure;

namespace Tracking.BrowserTests.Planning;

[Collection(BrowserCollection.Name)]
public sealed class When_a_planner_plans_a_reinspection(PortalServer server, BrowserSession browser)
{
    private const string Northumbria = "Northumbria Community Rehabilitation Company";

    [Fact]
    public async Task The_planner_filters_opens_Northumbria_plans_a_visit_prints_its_checklist_and_downloads_the_list()
    {
        var shots = Screenshots.For();
        var page = await browser.OpenPage(server);
        await page.SignIn(DemoPeople.Planner, "/planning/outstanding");
        await page.WaitForOutstandingRows();
        await shots.Check(page, "outstanding");

        await page.GetByLabel("Standard").SelectOptionAsync(new SelectOptionValue { Label = "2.1 Assessment" });
        await page.GetByLabel("Region").SelectOptionAsync(new SelectOptionValue { Label = "North East" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).First.ClickAsync();
        await page.WaitForURLAsync(new Regex("standard=2\\.1"));
        var rows = page.Locator("tbody tr");
        (await rows.CountAsync()).ShouldBeGreaterThan(0);
        foreach (var standards in await page.Locator("tbody tr td:nth-child(2)").AllInnerTextsAsync())
        {
            standards.ShouldContain("2.1");
        }

        (await page.Locator(".moj-filter__selected").InnerTextAsync()).ShouldContain("North East");
        await shots.Check(page, "outstanding-filtered");

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Download Excel (XLSX)" }).ClickAsync());
        download.SuggestedFilename.ShouldEndWith(".xlsx");
        var xlsx = await File.ReadAllBytesAsync((await download.PathAsync())!);
        (xlsx.Length > 4 && xlsx[0] == (byte)'P' && xlsx[1] == (byte)'K').ShouldBeTrue("an XLSX is a zip file");

        await page.GetByRole(AriaRole.Link, new() { Name = Northumbria, Exact = true }).First.ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = Northumbria, Level = 1 }).WaitForAsync();
        (await page.InnerTextAsync("main")).ShouldContain("Average time to close");
        await page.GetByText("Show the figures as a table: Open and closed recommendations for " + Northumbria).ClickAsync();
        var burnDown = page.Locator("table", new() { Has = page.Locator("caption", new() { HasText = "Open and closed recommendations for" }) });
        (await burnDown.Locator("tbody tr").CountAsync()).ShouldBeGreaterThan(0);
        (await page.Locator("svg[role=img] title", new() { HasText = "Open and closed recommendations for" }).CountAsync()).ShouldBe(1);
        await shots.Check(page, "provider");

        await page.GetByRole(AriaRole.Link, new() { Name = "Plan a reinspection" }).ClickAsync();
        await page.GetByLabel("Follow-up review").CheckAsync();
        var visit = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(40);
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Day", Exact = true }).FillAsync(visit.Day.ToString());
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Month", Exact = true }).FillAsync(visit.Month.ToString());
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Year", Exact = true }).FillAsync(visit.Year.ToString());
        await shots.Check(page, "plan-reinspection");
        await page.GetByRole(AriaRole.Button, new() { Name = "Plan the reinspection" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Follow-up review on ") }).WaitForAsync();
        (await page.InnerTextAsync("main")).ShouldContain("Recommendation 1");
        await shots.Check(page, "checklist");
        var checklist = page.Url;

        await page.GotoAsync("/planning");
        await shots.Check(page, "national");
        await page.GetByRole(AriaRole.Link, new() { Name = "North East" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "North East", Level = 1 }).WaitForAsync();
        await shots.Check(page, "region");

        await page.GotoAsync(checklist);
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = false });
        Regex.Matches(System.Text.Encoding.Latin1.GetString(pdf), "/Type\\s*/Page[^s]").Count.ShouldBeGreaterThan(0);

        await MovesAndCancelsAFollowUpReview(page, shots);
        await SubscribesToACalendarAndRevokesIt(page, shots);
    }

    private async Task MovesAndCancelsAFollowUpReview(IPage page, Screenshots shots)
    {
        await ScheduledFollowUpReview();
        await page.GotoAsync("/planning");
        await page.GetByRole(AriaRole.Link, new() { Name = "Follow-up reviews" }).ClickAsync();
        var row = page.Locator("tbody tr", new() { HasText = ReviewProviderName });
        (await row.GetByRole(AriaRole.Link, new() { Name = ReviewProviderName, Exact = true }).CountAsync()).ShouldBe(1, "the provider by name, not id");
        await shots.Check(page, "follow-up-reviews");
        await row.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Move") }).ClickAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Year", Exact = true }).FillAsync("2020");
        await page.GetByRole(AriaRole.Button, new() { Name = "Move the review" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "There is a problem" }).WaitForAsync();
        (await page.TitleAsync()).ShouldStartWith("Error:");
        (await page.InnerTextAsync(".govuk-error-summary")).ShouldContain("past");
        await shots.Check(page, "move-follow-up-review-error");

        var newDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(100);
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Day", Exact = true }).FillAsync(newDate.Day.ToString());
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Month", Exact = true }).FillAsync(newDate.Month.ToString());
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Year", Exact = true }).FillAsync(newDate.Year.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Move the review" }).ClickAsync();
        (await page.InnerTextAsync(".govuk-notification-banner")).ShouldContain(
            $"The follow-up review for {ReviewProviderName} is now due on {Tracking.Web.Forms.Display.Date(newDate)}");

        await row.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Cancel") }).ClickAsync();
        await shots.Check(page, "cancel-follow-up-review");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel the review" }).ClickAsync();
        (await page.InnerTextAsync(".govuk-notification-banner")).ShouldContain("is cancelled");
        (await row.InnerTextAsync()).ShouldContain("Cancelled");
        (await row.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^(Move|Cancel)") }).CountAsync()).ShouldBe(0, "a cancelled review cannot be changed");
    }

    private async Task SubscribesToACalendarAndRevokesIt(IPage page, Screenshots shots)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Calendar", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Make a calendar address" }).ClickAsync();
        var address = await page.GetByLabel("Your private calendar address").InputValueAsync();
        (await page.EvalOnSelectorAsync<string>("main .govuk-grid-column-two-thirds", "c => c.firstElementChild.className"))
            .ShouldContain("govuk-panel--confirmation", Case.Sensitive, "the confirmation panel goes first on the page");
        (await page.Locator("main h1").InnerTextAsync()).ShouldBe("Calendar address made");
        await shots.Check(page, "calendar-address");
        using var calendarApp = new HttpClient(); // no cookie, no token: what Outlook or Google sends
        var feed = await calendarApp.GetStringAsync(address);
        feed.ShouldStartWith("BEGIN:VCALENDAR");
        feed.ShouldContain("BEGIN:VEVENT");

        await page.GotoAsync("/calendar");
        (await page.InnerTextAsync("main")).ShouldContain("You made your calendar address on");
        await page.GetByRole(AriaRole.Button, new() { Name = "Stop the address working" }).ClickAsync();
        (await page.InnerTextAsync(".govuk-notification-banner")).ShouldContain("no longer works");
        await shots.Check(page, "calendar-revoked");
        (await calendarApp.GetAsync(address)).StatusCode.ShouldBe(System.Net.HttpStatusCode.Gone);
    }

    private const string ReviewProvider = "review-crc";
    private const string ReviewProviderName = "Review Community Rehabilitation Company";

    /// <summary>An inspection published today, so its follow-up review is months away and still scheduled.</summary>
    private async Task ScheduledFollowUpReview()
    {
        using var inspector = server.ApiAs("inspector");
        var standards = new[] { "1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2" }.Select(code => new { code, rating = "Good" });
        var recorded = await inspector.PostAsJsonAsync("/api/inspections", new
        {
            provider = new { id = ReviewProvider, name = ReviewProviderName, region = "Wales" },
            title = "An inspection of Review CRC",
            fieldworkStartedOn = "2026-10-05",
            fieldworkEndedOn = "2026-10-16",
            overallRating = "Good",
            standards,
            recommendations = new[] { new { number = 1, text = "Review supervision plans every quarter.", addressees = new[] { "Provider" }, linkedStandards = new[] { "2.1" } } },
        });
        recorded.EnsureSuccessStatusCode();
        var id = (await recorded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await inspector.PostAsJsonAsync($"/api/inspections/{id}/publish", new { })).EnsureSuccessStatusCode();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await inspector.GetStringAsync($"/api/schedule?providerId={ReviewProvider}")).Contains(id.ToString()) is false)
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "scheduling to plan the follow-up review");
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task Without_javascript_the_planner_moves_from_the_nation_to_a_region_and_a_manager_is_refused()
    {
        // Screenshots only: axe needs JavaScript; the same pages are checked with axe in the journey with it on.
        var shots = Screenshots.For();
        var page = await browser.OpenPage(server, javaScript: false);
        await page.SignIn(DemoPeople.Planner, "/planning");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Reinspection planning" }).WaitForAsync();
        await shots.Take(page, "national");

        await page.GetByRole(AriaRole.Link, new() { Name = "North East" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "North East", Level = 1 }).WaitForAsync();
        (await page.InnerTextAsync("main")).ShouldContain(Northumbria);
        await shots.Take(page, "region");

        await page.GotoAsync("/planning/outstanding?overdue=perhaps");
        await page.GetByRole(AriaRole.Heading, new() { Name = "There is a problem" }).WaitForAsync();
        await shots.Take(page, "outstanding-bad-filter");

        var manager = await browser.OpenPage(server, javaScript: false);
        await manager.GotoAsync("/");
        await manager.SignIn(DemoPeople.Manager);
        (await manager.GotoAsync("/planning"))!.Status.ShouldBe(403);
    }
}
