using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tracking.BrowserTests.Infrastructure;

namespace Tracking.BrowserTests.Portal;

/// <summary>The vertical slice: the demo CRC manager responds, plans an action, submits evidence and asks to move the action's date; the demo inspector accepts and reviews it.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class When_a_provider_manager_follows_up_a_recommendation(PortalServer server, BrowserSession browser)
{
    [Fact]
    public async Task The_manager_responds_plans_and_submits_evidence_and_the_inspector_accepts_and_reviews_it()
    {
        var shots = Screenshots.For();
        var page = await browser.OpenPage(server);

        await page.SignIn(DemoPeople.Manager, shots: shots);
        await page.WaitForRecommendationList();
        (await page.TitleAsync()).ShouldBe("Your recommendations – Track inspection recommendations – GOV.UK");
        (await page.Locator("tbody tr").CountAsync()).ShouldBe(8);
        (await page.Locator("tbody tr").First.InnerTextAsync()).ShouldContain("Respond by");
        await shots.Check(page, "home");

        await page.Locator("tbody tr").First.GetByRole(AriaRole.Link).ClickAsync();
        var id = Guid.Parse(RecommendationId().Match(page.Url).Groups[1].Value);
        await page.GetByRole(AriaRole.Heading, new() { Name = "Recommendation 1", Level = 1 }).WaitForAsync();
        await shots.Check(page, "recommendation");

        await page.GetByRole(AriaRole.Button, new() { Name = "Respond" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save response" }).ClickAsync();
        (await page.TitleAsync()).ShouldStartWith("Error: ");
        (await page.Locator(".govuk-error-summary").InnerTextAsync()).ShouldContain("Select whether you agree with the recommendation");
        await shots.Check(page, "respond-error");
        await page.GetByLabel("Agreed", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Why", new() { Exact = true }).FillAsync("Risk of harm analysis becomes part of every assessment review.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save response" }).ClickAsync();
        await page.GetByText("No actions planned yet.").WaitForAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Plan an action" }).ClickAsync();
        await page.GetByLabel("What will be done").FillAsync("Train every practitioner in analysing risk of harm");
        await page.GetByLabel("Owner's full name").FillAsync("Pat Lead");
        await page.GetByLabel("Owner's email address").FillAsync("pat.lead@northumbria-crc.example");
        await page.GetByLabel("Day").FillAsync("31");
        await page.GetByLabel("Month").FillAsync("3");
        await page.GetByLabel("Year").FillAsync("2027");
        await shots.Check(page, "plan-action");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add action" }).ClickAsync();
        await page.GetByRole(AriaRole.Cell, new() { Name = "Train every practitioner in analysing risk of harm", Exact = true }).WaitForAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Submit evidence" }).ClickAsync();
        await UploadsTwoFilesAsTheyAreChosenAndDeletesAThird(page);
        await shots.Check(page, "evidence-upload");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        (await page.Locator(".govuk-error-summary").InnerTextAsync()).ShouldContain("Enter what has changed");
        (await page.Locator(".moj-multi-file-upload__list").InnerTextAsync()).ShouldContain("home-visits-chart.png uploaded",
            Case.Sensitive, "uploads stay with the form when it comes back with errors");
        await shots.Check(page, "evidence-error");
        await page.GetByLabel("What has changed").FillAsync("All 40 practitioners completed the risk of harm course in January.");
        await page.GetByLabel("Day").FillAsync("15");
        await page.GetByLabel("Month").FillAsync("1");
        await page.GetByLabel("Year").FillAsync("2025");
        await page.GetByLabel("Train every practitioner in analysing risk of harm").CheckAsync();
        await shots.Check(page, "evidence");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await page.GetByRole(AriaRole.Heading, new() { Name = "Check your evidence before submitting it" }).WaitForAsync();
        (await page.Locator(".govuk-summary-list").InnerTextAsync()).ShouldContain("action-plan.pdf");
        (await page.Locator(".govuk-summary-list").InnerTextAsync()).ShouldContain("home-visits-chart.png");
        await shots.Check(page, "evidence-check");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit evidence" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Evidence submitted" }).WaitForAsync();
        await shots.Check(page, "evidence-submitted");

        var submitted = await Detail(id);
        submitted.GetProperty("status").GetString().ShouldBe("EvidenceSubmitted");
        submitted.GetProperty("response").GetProperty("response").GetString().ShouldBe("Agreed");
        submitted.GetProperty("actions").GetArrayLength().ShouldBe(1);
        var evidence = submitted.GetProperty("evidence")[0];
        evidence.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("name").GetString())
            .ShouldBe(["action-plan.pdf", "home-visits-chart.png"], ignoreOrder: true, "the two uploads kept, the deleted one gone");
        evidence.GetProperty("submittedBy").GetString().ShouldNotBeNullOrEmpty();

        await page.GotoAsync($"/recommendations/{id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ask to move a date" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();
        (await page.Locator(".govuk-error-summary").InnerTextAsync()).ShouldContain("Select the date you want to move");
        await shots.Check(page, "revision-error");
        await page.GetByLabel("Train every practitioner in analysing risk of harm, due 31 March 2027").CheckAsync();
        await page.GetByLabel("Day").FillAsync("30");
        await page.GetByLabel("Month").FillAsync("6");
        await page.GetByLabel("Year").FillAsync("2027");
        await page.GetByLabel("Why does the date need to move?").FillAsync("The trainers are not available until June.");
        await shots.Check(page, "revision");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();
        (await page.Locator("#revisions + table").InnerTextAsync()).ShouldContain("Awaiting decision");
        var asked = (await Detail(id)).GetProperty("revisions").EnumerateArray().Single();
        asked.GetProperty("decision").GetString().ShouldBe("Pending");
        asked.GetProperty("requestedDate").GetString().ShouldBe("2027-06-30");
        asked.GetProperty("actionId").GetGuid().ShouldBe(submitted.GetProperty("actions")[0].GetProperty("id").GetGuid());

        await page.SignOut();
        await page.SignIn(DemoPeople.Inspector, $"/recommendations/{id}");
        await shots.Check(page, "inspector-recommendation");
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept the response" }).ClickAsync();
        await shots.Check(page, "accept-response");
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept response" }).ClickAsync();
        await page.GetByText("Accepted by the inspectorate").WaitForAsync();

        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Review") }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save review" }).ClickAsync();
        (await page.Locator(".govuk-error-summary").InnerTextAsync()).ShouldContain("Select whether the evidence is enough");
        await shots.Check(page, "review-error");
        await page.GetByLabel("Accepted", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Comment").FillAsync("Training records seen; attendance is complete.");
        await page.GetByLabel("Reasonable progress").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save review" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "History" }).WaitForAsync();
        await shots.Check(page, "reviewed");

        var reviewed = await Detail(id);
        reviewed.GetProperty("response").GetProperty("accepted").GetBoolean().ShouldBeTrue();
        reviewed.GetProperty("evidence")[0].GetProperty("outcome").GetString().ShouldBe("Accepted");
        reviewed.GetProperty("evidence")[0].GetProperty("progressJudgement").GetString().ShouldBe("ReasonableProgress");
        (await page.Locator(".moj-timeline__item").CountAsync()).ShouldBeGreaterThanOrEqualTo(5);
    }

    /// <summary>
    /// JavaScript is on, so the MOJ multi-file upload stands in for the plain file inputs: each file is sent as it is
    /// chosen, a wrong type is refused in the error summary, and an uploaded file can be deleted before Continue.
    /// </summary>
    private static async Task UploadsTwoFilesAsTheyAreChosenAndDeletesAThird(IPage page)
    {
        (await page.GetByLabel("First file").IsVisibleAsync()).ShouldBeFalse("the plain inputs are for pages without JavaScript");
        var upload = page.GetByLabel("Upload files");
        var uploaded = page.Locator(".moj-multi-file-upload__list");
        await upload.SetInputFilesAsync([EvidenceFiles.Pdf(), EvidenceFiles.Png()]);
        await uploaded.GetByText("action-plan.pdf uploaded").WaitForAsync();
        await uploaded.GetByText("home-visits-chart.png uploaded").WaitForAsync();

        var macro = new FilePayload { Name = "macro.exe", MimeType = "application/octet-stream", Buffer = [0x4d, 0x5a] };
        await upload.SetInputFilesAsync([EvidenceFiles.Pdf("old-plan.pdf"), macro]);
        await uploaded.GetByText("old-plan.pdf uploaded").WaitForAsync();
        await page.Locator(".govuk-error-summary").GetByRole(AriaRole.Link, new() { Name = "macro.exe must be a PDF, PNG, JPG, TXT, CSV, DOCX or XLSX" })
            .WaitForAsync();
        (await page.TitleAsync()).ShouldStartWith("Error: ");
        (await page.Locator("#Documents-error").InnerTextAsync()).ShouldContain("macro.exe must be");

        // The upload address checks antiforgery like every form: the same signed-in browser without the page's token is refused.
        var uploadUrl = await page.Locator("[data-module='moj-multi-file-upload']").GetAttributeAsync("data-upload-url");
        var forgedForm = page.Context.APIRequest.CreateFormData();
        forgedForm.Set("documents", EvidenceFiles.Pdf("forged.pdf"));
        var forged = await page.APIRequest.PostAsync(new Uri(new Uri(page.Url), uploadUrl).ToString(), new() { Multipart = forgedForm });
        forged.Status.ShouldBe(400, "no antiforgery token");

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete old-plan.pdf" }).ClickAsync();
        await uploaded.GetByText("old-plan.pdf uploaded").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        (await uploaded.Locator(".moj-multi-file-upload__delete").CountAsync()).ShouldBe(2);
    }

    private async Task<JsonElement> Detail(Guid id)
    {
        using var api = server.ApiAs("inspector");
        return await api.GetFromJsonAsync<JsonElement>($"/api/recommendations/{id}");
    }

    [GeneratedRegex("/recommendations/([0-9a-f-]{36})")]
    private static partial Regex RecommendationId();
}
