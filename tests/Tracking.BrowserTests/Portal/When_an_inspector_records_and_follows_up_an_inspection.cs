using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Tracking.BrowserTests.Infrastructure;

namespace Tracking.BrowserTests.Portal;

/// <summary>
/// The inspector's whole job in the browser: record an inspection with ten ratings and three recommendations, publish
/// it, then work the queues — accept the response, review the evidence, decide the request to move a date — and close.
/// The provider's side is set up through the API (another provider than Northumbria, so the manager tests' lists stay as they are).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class When_an_inspector_records_and_follows_up_an_inspection(PortalServer server, BrowserSession browser)
{
    private const string ProviderId = "durham-tees-valley-crc";

    private static readonly string[] Recommendations =
    [
        "Improve the quality of assessments of risk of harm.",
        "Make sure that home visits take place when needed to manage risk.",
        "Review the delivery of Through the Gate services.",
    ];

    private const string Mistaken = "A recommendation added by mistake.";

    [Fact]
    public async Task The_inspector_records_publishes_accepts_reviews_decides_and_closes()
    {
        var shots = Screenshots.For();
        var page = await browser.OpenPage(server);
        await page.SignIn(DemoPeople.Inspector, "/inspections");
        (await page.Locator(".govuk-service-navigation__item--active").InnerTextAsync()).ShouldContain("Inspections");
        (await page.Locator(".govuk-service-navigation").InnerTextAsync()).ShouldContain("Work queues");
        await shots.Check(page, "inspections");

        await page.GetByRole(AriaRole.Button, new() { Name = "Record an inspection" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        (await page.TitleAsync()).ShouldStartWith("Error: ");
        (await page.Locator(".govuk-error-summary li").First.InnerTextAsync()).ShouldBe("Enter the provider's name");
        await shots.Check(page, "provider-error");
        await page.GetByLabel("Provider's name").FillAsync("Durham Tees Valley CRC");
        await page.GetByLabel("Provider's id").FillAsync(ProviderId);
        await page.GetByLabel("Region").FillAsync("North East");
        await page.GetByLabel("Report title").FillAsync("An inspection of probation services in Durham Tees Valley CRC");
        await FillDate(page, "Input_FieldworkStarted", 4, 11, 2019);
        await FillDate(page, "Input_FieldworkEnded", 15, 11, 2019);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await page.GetByRole(AriaRole.Heading, new() { Name = "Rate each standard" }).WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        var summary = page.Locator(".govuk-error-summary li");
        (await summary.CountAsync()).ShouldBe(11);
        (await summary.First.InnerTextAsync()).ShouldBe("Select a rating for 1.1 Leadership", "the summary lists errors in the order of the fields");
        (await summary.Last.InnerTextAsync()).ShouldBe("Select the overall rating");
        await shots.Check(page, "ratings-error");
        var ratings = new[] { "Good", "RequiresImprovement", "Good", "Outstanding", "RequiresImprovement", "Inadequate", "Good", "RequiresImprovement", "Good", "Inadequate" };
        var codes = new[] { "1-1", "1-2", "1-3", "1-4", "2-1", "2-2", "2-3", "2-4", "3-1", "3-2" };
        for (var i = 0; i < codes.Length; i++)
        {
            await page.Locator($"input[name='Standard-{codes[i]}'][value='{ratings[i]}']").CheckAsync();
        }

        await page.Locator("input[name='Overall'][value='RequiresImprovement']").CheckAsync();
        await shots.Take(page, "ratings");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Add recommendation" }).ClickAsync();
        (await page.Locator(".govuk-error-summary").InnerTextAsync()).ShouldContain("Select who the recommendation is addressed to");
        await shots.Check(page, "recommendation-error");
        // A second one added by mistake, removed below: the three kept must stay in order.
        string[] typed = [Recommendations[0], Mistaken, .. Recommendations[1..]];
        for (var n = 0; n < typed.Length; n++)
        {
            if (n > 0)
            {
                await page.GetByLabel("Yes", new() { Exact = true }).CheckAsync();
                await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
            }

            await page.GetByRole(AriaRole.Heading, new() { Name = $"Add recommendation {n + 1}" }).WaitForAsync();
            await page.GetByLabel("Recommendation", new() { Exact = true }).FillAsync(typed[n]);
            await page.GetByLabel("The provider").CheckAsync();
            var last = n == typed.Length - 1;
            if (last)
            {
                await page.GetByLabel("HMPPS").CheckAsync();
            }

            await page.GetByLabel(last ? "3.2 Through the Gate" : "2.1 Assessment").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Add recommendation" }).ClickAsync();
        }

        await page.GetByRole(AriaRole.Heading, new() { Name = "You have added 4 recommendations" }).WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove recommendation 2" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "You have added 3 recommendations" }).WaitForAsync();
        (await page.Locator(".govuk-summary-list__value").AllInnerTextsAsync()).ShouldBe(Recommendations);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        (await page.Locator(".govuk-error-summary").InnerTextAsync()).ShouldContain("Select yes if you need to add another recommendation");
        await shots.Check(page, "add-another-error");
        await page.GetByLabel("No", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await page.GetByRole(AriaRole.Heading, new() { Name = "Check the inspection before saving it" }).WaitForAsync();
        (await page.Locator("main").InnerTextAsync()).ShouldContain("Requires improvement");
        await shots.Check(page, "inspection-check");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as draft" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish inspection" }).ClickAsync();
        (await page.Locator(".govuk-error-summary").InnerTextAsync()).ShouldContain("Enter the publication date");
        await shots.Check(page, "publish-error");
        var inspectionId = Guid.Parse(page.Url.Split('/')[^1]);
        await FillDate(page, "PublishedOn", 11, 2, 2020);
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish inspection" }).ClickAsync();
        await page.Locator("strong.govuk-tag", new() { HasText = "Published" }).WaitForAsync();
        await shots.Check(page, "inspection-published");

        using var inspector = server.ApiAs("inspector");
        var inspection = await inspector.GetFromJsonAsync<JsonElement>($"/api/inspections/{inspectionId}");
        inspection.GetProperty("status").GetString().ShouldBe("Published");
        inspection.GetProperty("publishedOn").GetString().ShouldBe("2020-02-11");
        inspection.GetProperty("overallRating").GetString().ShouldBe("RequiresImprovement");
        inspection.GetProperty("standards").EnumerateArray().Select(s => s.GetProperty("rating").GetString()).ShouldBe(ratings);
        var recommendations = inspection.GetProperty("recommendations").EnumerateArray().ToList();
        recommendations.Select(r => r.GetProperty("text").GetString()).ShouldBe(Recommendations);
        recommendations[2].GetProperty("addressees").EnumerateArray().Select(a => a.GetString()).ShouldBe(["Provider", "Hmpps"]);
        recommendations[2].GetProperty("linkedStandards").EnumerateArray().Select(a => a.GetString()).ShouldBe(["3.2"]);
        var id = recommendations[0].GetProperty("id").GetGuid();

        var revisionTo = await TheProviderResponds(id);

        await page.GotoAsync("/queues");
        await page.GetByRole(AriaRole.Link, new() { Name = "Recommendation 1 from Durham Tees Valley CRC: accept the response" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept response" }).ClickAsync();
        await page.GetByText("Accepted by the inspectorate").WaitForAsync();

        await page.GotoAsync("/queues/evidence");
        var evidenceRow = page.Locator("tbody tr", new() { HasText = "Durham Tees Valley CRC" });
        // The review's service-level date comes from scheduling, which hears of the evidence a moment later.
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while ((await evidenceRow.InnerTextAsync()).Contains("Not set", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            await page.WaitForTimeoutAsync(300);
            await page.ReloadAsync();
        }

        (await evidenceRow.InnerTextAsync()).ShouldNotContain("Not set");
        await shots.Check(page, "queue-evidence");
        await evidenceRow.GetByRole(AriaRole.Link).ClickAsync();
        await page.GetByLabel("Accepted", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Comment").FillAsync("Audit of 30 assessments seen.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save review" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "History" }).WaitForAsync();

        await page.GotoAsync("/queues/revisions");
        await shots.Check(page, "queue-revisions");
        await page.Locator("tbody tr", new() { HasText = "Durham Tees Valley CRC" }).GetByRole(AriaRole.Link).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save decision" }).ClickAsync();
        (await page.Locator(".govuk-error-summary").InnerTextAsync()).ShouldContain("Select whether you approve the new date");
        await shots.Check(page, "decide-revision-error");
        await page.GetByLabel("Approve", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Reason for your decision").FillAsync("Reasonable given the audit timetable.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save decision" }).ClickAsync();
        (await page.Locator("#revisions + table").InnerTextAsync()).ShouldContain("Approved");

        await page.GetByRole(AriaRole.Button, new() { Name = "Close the recommendation" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Close recommendation" }).ClickAsync();
        (await page.Locator(".govuk-error-summary").InnerTextAsync()).ShouldContain("Select whether the recommendation was implemented");
        await shots.Check(page, "close-error");
        await page.GetByLabel("Implemented", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Basis for closing").FillAsync("Assessments audited twice with good results.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Close recommendation" }).ClickAsync();
        await page.GetByText("Closed as").WaitForAsync();
        await shots.Check(page, "closed");

        var closed = await inspector.GetFromJsonAsync<JsonElement>($"/api/recommendations/{id}");
        closed.GetProperty("status").GetString().ShouldBe("Closed");
        closed.GetProperty("closedAs").GetString().ShouldBe("Implemented");
        closed.GetProperty("closureComment").GetString().ShouldBe("Assessments audited twice with good results.");
        closed.GetProperty("response").GetProperty("accepted").GetBoolean().ShouldBeTrue();
        closed.GetProperty("evidence")[0].GetProperty("outcome").GetString().ShouldBe("Accepted");
        var revision = closed.GetProperty("revisions").EnumerateArray().Single();
        revision.GetProperty("decision").GetString().ShouldBe("Approved");
        closed.GetProperty("targetDate").GetString().ShouldBe(revisionTo.ToString("yyyy-MM-dd"));
        var queues = await inspector.GetFromJsonAsync<JsonElement>("/api/recommendations/work-queues");
        foreach (var queue in new[] { "responses", "evidence", "revisions" })
        {
            queues.GetProperty(queue).EnumerateArray().ShouldNotContain(q => q.GetProperty("recommendationId").GetGuid() == id, queue);
        }
    }

    /// <summary>The provider's part, through the API: a response with a target date, evidence, and a request to move that date.</summary>
    private async Task<DateOnly> TheProviderResponds(Guid id)
    {
        using var manager = server.ApiAs("provider-manager", ProviderId);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        (await manager.PutAsJsonAsync($"/api/recommendations/{id}/response",
            new { response = "Agreed", rationale = "Assessment quality is our first priority.", targetDate = today.AddDays(120) })).EnsureSuccessStatusCode();
        var pdf = EvidenceFiles.Pdf("assessment-audit.pdf");
        var file = new ByteArrayContent(pdf.Buffer);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse(pdf.MimeType);
        using var evidence = new MultipartFormDataContent
        {
            { new StringContent("Thirty assessments audited; 27 analysed risk of harm well."), "narrative" },
            { new StringContent(today.AddDays(-7).ToString("yyyy-MM-dd")), "effectiveDate" },
            { file, "files", pdf.Name },
        };
        (await manager.PostAsync($"/api/recommendations/{id}/evidence", evidence)).EnsureSuccessStatusCode();
        var to = today.AddDays(200);
        (await manager.PostAsJsonAsync($"/api/recommendations/{id}/target-date-revisions",
            new { requestedDate = to, reason = "A second audit round is needed." })).EnsureSuccessStatusCode();
        return to;
    }

    private static async Task FillDate(IPage page, string id, int day, int month, int year)
    {
        await page.Locator($"#{id}").FillAsync(day.ToString());
        await page.Locator($"#{id}-month").FillAsync(month.ToString());
        await page.Locator($"#{id}-year").FillAsync(year.ToString());
    }
}
