using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Tracking.BrowserTests.Infrastructure;

namespace Tracking.BrowserTests.Public;

/// <summary>
/// A member of the public, signed in to nothing, finds Northumbria CRC on the public tracker of the embedded server and
/// reads its eight recommendations; evidence the provider submitted stays private. Every page is screenshotted and axed.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class When_a_visitor_finds_Northumbria(PortalServer server, BrowserSession browser)
{
    private const string ProviderId = "northumbria-crc";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task They_see_its_eight_recommendations_and_no_evidence(bool javaScript)
    {
        var narrative = $"Private evidence narrative {Guid.NewGuid():N}";
        await SubmitEvidenceOnTheFirstRecommendation(narrative);
        var shots = new Screenshots($"{nameof(They_see_its_eight_recommendations_and_no_evidence)}-{(javaScript ? "js" : "no-js")}");
        var page = await browser.OpenPage(server, javaScript);
        // axe runs in the page's JavaScript: with it switched off the pages are looked at, and axed in the other run.
        Task Check(string name) => javaScript ? shots.Check(page, name) : shots.Take(page, name);

        await page.GotoAsync("/public");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Find an inspected provider", Level = 1 }).WaitForAsync();
        await Check("find-a-provider");

        await page.GetByLabel("Provider name").FillAsync("northumbria");
        await page.GetByLabel("Region").SelectOptionAsync("North East");
        await page.GetByLabel("Standard a recommendation is linked to").SelectOptionAsync("2.1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "1 provider" }).WaitForAsync();
        await Check("filtered");

        await page.GetByRole(AriaRole.Link, new() { Name = "Northumbria Community Rehabilitation Company" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Northumbria Community Rehabilitation Company", Level = 1 }).WaitForAsync();
        (await page.GetByRole(AriaRole.Table).First.InnerTextAsync()).ShouldContain("Requires improvement");
        await Check("provider");

        await page.GetByRole(AriaRole.Link, new() { Name = "See the 8 recommendations of this inspection" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Recommendations", Level = 2 }).WaitForAsync();
        var cards = page.Locator(".govuk-summary-card");
        (await cards.CountAsync()).ShouldBe(8);
        for (var n = 1; n <= 8; n++)
        {
            await page.GetByRole(AriaRole.Heading, new() { Name = $"Recommendation {n}", Level = 3 }).WaitForAsync();
        }

        // Other browser tests share this server and move other recommendations on: each card shows what the public API says.
        (await page.Locator("#recommendation-1 .govuk-tag").InnerTextAsync()).Trim().ShouldBe("In progress");
        var published = await PublicStatuses();
        published.Values.ShouldContain("Published", "the demo keeps recommendations no one has responded to yet");
        foreach (var (number, status) in published)
        {
            (await page.Locator($"#recommendation-{number} .govuk-tag").InnerTextAsync()).Trim().ShouldBe(status, $"recommendation {number}'s tag");
        }

        await Check("inspection");
        var html = await page.ContentAsync();
        html.ShouldNotContain(narrative);
        html.ShouldNotContain("private-audit");
        html.ShouldNotContain("owner.person");
        (await page.Locator("main").InnerTextAsync()).ShouldNotContain("@", customMessage: "an e-mail address in the page's content");
    }

    /// <summary>Each recommendation's public status, by number, in the words the pages use.</summary>
    private async Task<Dictionary<int, string>> PublicStatuses()
    {
        using var visitor = new HttpClient { BaseAddress = server.Address };
        var provider = await visitor.GetFromJsonAsync<JsonElement>($"/api/public/providers/{ProviderId}");
        var inspectionId = provider.GetProperty("inspections")[0].GetProperty("id").GetGuid();
        var inspection = await visitor.GetFromJsonAsync<JsonElement>($"/api/public/inspections/{inspectionId}");
        return inspection.GetProperty("recommendations").EnumerateArray().ToDictionary(
            r => r.GetProperty("number").GetInt32(),
            r => r.GetProperty("status").GetString() switch
            {
                "Published" => "Published",
                "Responded" => "Responded",
                "InProgress" => "In progress",
                "ClosedImplemented" => "Closed: implemented",
                "ClosedNotImplemented" => "Closed: not implemented",
                var other => $"unknown status {other}",
            });
    }

    /// <summary>Through the API, as the demo provider manager would: respond, plan an action, submit evidence with a file (idempotent per run).</summary>
    private async Task SubmitEvidenceOnTheFirstRecommendation(string narrative)
    {
        var manager = server.ApiAs("provider-manager", ProviderId);
        var recommendations = await manager.GetFromJsonAsync<List<JsonElement>>($"/api/recommendations?providerId={ProviderId}");
        var first = recommendations!.OrderBy(r => r.GetProperty("number").GetInt32()).First();
        var id = first.GetProperty("id").GetGuid();
        if (first.GetProperty("status").GetString() == "AwaitingResponse")
        {
            (await manager.PutAsJsonAsync($"/api/recommendations/{id}/response", new { response = "Agreed" })).EnsureSuccessStatusCode();
        }

        var action = await manager.PostAsJsonAsync($"/api/recommendations/{id}/actions", new
        {
            description = "Audit assessments", owner = new { name = "Owner Person", email = "owner.person@example.org" },
            targetDate = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd"),
        });
        action.EnsureSuccessStatusCode();
        var actionId = action.Headers.Location!.ToString().Split('/').Last();
        var form = new MultipartFormDataContent
        {
            { new StringContent(narrative), "narrative" },
            { new StringContent(DateTime.UtcNow.ToString("yyyy-MM-dd")), "effectiveDate" },
            { new StringContent(actionId), "actionIds" },
        };
        var pdf = new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n"));
        pdf.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(pdf, "files", "private-audit.pdf");
        (await manager.PostAsync($"/api/recommendations/{id}/evidence", form)).EnsureSuccessStatusCode();

        // The pages read the public read model, which the events reach a moment later.
        using var visitor = new HttpClient { BaseAddress = server.Address };
        var until = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var providers = await visitor.GetFromJsonAsync<JsonElement>($"/api/public/providers/{ProviderId}");
            if (providers.GetProperty("inspections")[0].GetProperty("byStatus").GetProperty("inProgress").GetInt32() >= 1)
            {
                return;
            }

            DateTime.UtcNow.ShouldBeLessThan(until, "the evidence's events to reach the public tracker");
            await Task.Delay(100);
        }
    }
}
