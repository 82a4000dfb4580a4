using System.Net.Http.Json;
using System.Text.Json;
using Tracking.BrowserTests.Infrastructure;

namespace Tracking.BrowserTests.Portal;

/// <summary>
/// Progressive enhancement only: with JavaScript off, sign-in, the response and evidence with files all still work.
/// Screenshots only here: axe is itself JavaScript and cannot run in a page whose scripts are off (the same pages are
/// checked with axe in the JavaScript journey).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class When_evidence_is_submitted_without_javascript(PortalServer server, BrowserSession browser)
{
    [Fact]
    public async Task The_manager_responds_and_submits_two_files_through_check_answers_with_javascript_off()
    {
        var shots = Screenshots.For();
        var page = await browser.OpenPage(server, javaScript: false);
        await page.SignIn(DemoPeople.Manager);
        await page.WaitForRecommendationList();
        // The layout's nonce'd inline script marks the body js-enabled; with scripts off it never runs.
        (await page.Locator("body.js-enabled").CountAsync()).ShouldBe(0);

        await page.Locator("tbody tr").Nth(1).GetByRole(AriaRole.Link).ClickAsync();
        var id = Guid.Parse(page.Url.Split('/')[^1]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Respond" }).ClickAsync();
        await page.GetByLabel("Partly agreed").CheckAsync();
        await page.GetByLabel("Why", new() { Exact = true }).FillAsync("Plans will record risk management; agreeing them with each person needs a new process.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save response" }).ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Submit evidence" }).ClickAsync();
        await page.GetByLabel("What has changed").FillAsync("Plans now record how each risk is managed.");
        await page.GetByLabel("Day").FillAsync("3");
        await page.GetByLabel("Month").FillAsync("2");
        await page.GetByLabel("Year").FillAsync("2025");
        await page.GetByLabel("First file").SetInputFilesAsync(EvidenceFiles.Pdf("plan-audit.pdf"));
        await page.GetByLabel("Second file (optional)").SetInputFilesAsync(EvidenceFiles.Png("audit-chart.png"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await shots.Take(page, "check-answers-no-js");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit evidence" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Evidence submitted" }).WaitForAsync();
        await shots.Take(page, "submitted-no-js");

        using var api = server.ApiAs("inspector");
        var detail = await api.GetFromJsonAsync<JsonElement>($"/api/recommendations/{id}");
        detail.GetProperty("response").GetProperty("response").GetString().ShouldBe("PartlyAgreed");
        detail.GetProperty("evidence")[0].GetProperty("files").GetArrayLength().ShouldBe(2);
    }
}
