using System.Net.Http.Json;
using System.Text.Json;
using Tracking.BrowserTests.Infrastructure;

namespace Tracking.BrowserTests.Portal;

/// <summary>
/// The evidence journey with no pointer at all: every field is reached with Tab, typed into, ticked with Space and sent
/// with Enter or Space. Only the file is attached by the test (to the MOJ multi-file upload's input, reached with Tab), since a
/// keyboard opens the system's file chooser, which no browser test can drive.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class When_evidence_is_submitted_with_the_keyboard_alone(PortalServer server, BrowserSession browser)
{
    [Fact]
    public async Task The_manager_signs_in_and_submits_evidence_using_only_tab_enter_and_space()
    {
        var shots = Screenshots.For();
        var (id, action) = await ARespondedRecommendationWithAnAction();
        var page = await browser.OpenPage(server);
        var keys = page.Keyboard;

        await page.GotoAsync($"/recommendations/{id}");
        await TabTo(page, page.GetByLabel("Email address"));
        await keys.TypeAsync(DemoPeople.Manager);
        await TabTo(page, page.GetByLabel("Password"));
        await keys.TypeAsync(DemoPeople.Password);
        await keys.PressAsync("Enter");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Recommendation 8", Level = 1 }).WaitForAsync();

        await TabTo(page, page.GetByRole(AriaRole.Button, new() { Name = "Submit evidence" }));
        await keys.PressAsync("Enter");
        await page.GetByLabel("What has changed").WaitForAsync();
        await TabTo(page, page.GetByLabel("What has changed"));
        await keys.TypeAsync("Every office now reviews resettlement plans monthly.");
        await TabTo(page, page.GetByLabel("Day"));
        await keys.TypeAsync("2");
        await keys.PressAsync("Tab");
        await keys.TypeAsync("3");
        await keys.PressAsync("Tab");
        await keys.TypeAsync("2025");
        await TabTo(page, page.GetByLabel(action));
        await keys.PressAsync("Space");
        (await page.GetByLabel(action).IsCheckedAsync()).ShouldBeTrue();
        await TabTo(page, page.GetByLabel("Upload files"));
        await page.GetByLabel("Upload files").SetInputFilesAsync(EvidenceFiles.Pdf("resettlement-reviews.pdf"));
        await page.Locator(".moj-multi-file-upload__list").GetByText("resettlement-reviews.pdf uploaded").WaitForAsync();
        await shots.Check(page, "evidence-keyboard");
        await TabTo(page, page.GetByRole(AriaRole.Button, new() { Name = "Continue" }));
        await keys.PressAsync("Enter");

        await page.GetByRole(AriaRole.Heading, new() { Name = "Check your evidence before submitting it" }).WaitForAsync();
        await shots.Check(page, "check-keyboard");
        await TabTo(page, page.GetByRole(AriaRole.Button, new() { Name = "Submit evidence" }));
        await keys.PressAsync("Space");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Evidence submitted" }).WaitForAsync();
        await shots.Check(page, "submitted-keyboard");

        await TabTo(page, page.GetByRole(AriaRole.Link, new() { Name = "Go to recommendation 8" }));
        await keys.PressAsync("Enter");
        var markDone = page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex($@"^Mark as done\W+{System.Text.RegularExpressions.Regex.Escape(action)}$") });
        await TabTo(page, markDone);
        await keys.PressAsync("Enter");
        await page.Locator("#actions + table").GetByText("Done", new() { Exact = true }).WaitForAsync();
        (await markDone.CountAsync()).ShouldBe(0, "a done action cannot be marked again");

        using var api = server.ApiAs("inspector");
        var detail = await api.GetFromJsonAsync<JsonElement>($"/api/recommendations/{id}");
        var evidence = detail.GetProperty("evidence").EnumerateArray().Single();
        evidence.GetProperty("narrative").GetString().ShouldBe("Every office now reviews resettlement plans monthly.");
        evidence.GetProperty("effectiveDate").GetString().ShouldBe("2025-03-02");
        evidence.GetProperty("actionIds").EnumerateArray().Select(a => a.GetString()).ShouldBe([detail.GetProperty("actions")[0].GetProperty("id").GetString()]);
        evidence.GetProperty("files")[0].GetProperty("name").GetString().ShouldBe("resettlement-reviews.pdf");
        detail.GetProperty("actions")[0].GetProperty("done").GetBoolean().ShouldBeTrue("the action was marked done from the keyboard");
    }

    /// <summary>Presses Tab until the element has the focus: proves it can be reached from the keyboard, in page order.</summary>
    private static async Task TabTo(IPage page, ILocator target)
    {
        for (var presses = 0; presses < 80; presses++)
        {
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement"))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        throw new ShouldAssertException($"Tab never reached {target} on {page.Url}");
    }

    /// <summary>Northumbria's recommendation 8 (no other browser test touches it), responded to with one action, through the API.</summary>
    private async Task<(Guid Id, string Action)> ARespondedRecommendationWithAnAction()
    {
        using var manager = server.ApiAs("provider-manager", DemoPeople.NorthumbriaId);
        var all = await manager.GetFromJsonAsync<List<JsonElement>>($"/api/recommendations?providerId={DemoPeople.NorthumbriaId}");
        var id = all!.First(r => r.GetProperty("number").GetInt32() == 8).GetProperty("id").GetGuid();
        (await manager.PutAsJsonAsync($"/api/recommendations/{id}/response",
            new { response = "Agreed", rationale = "Resettlement reviews will be routine." })).EnsureSuccessStatusCode();
        const string action = "Review every resettlement plan monthly";
        (await manager.PostAsJsonAsync($"/api/recommendations/{id}/actions", new
        {
            description = action,
            owner = new { name = "Sam Owner", email = "sam.owner@northumbria-crc.example" },
            targetDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60),
        })).EnsureSuccessStatusCode();
        return (id, action);
    }
}
