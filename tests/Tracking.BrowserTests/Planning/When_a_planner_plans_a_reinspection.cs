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
