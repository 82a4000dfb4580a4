using System.Net.Http.Json;
using System.Text.Json;
using Tracking.BrowserTests.Infrastructure;

namespace Tracking.BrowserTests.Portal;

[Collection(BrowserCollection.Name)]
public sealed class When_a_provider_manager_reaches_beyond_their_own_work(PortalServer server, BrowserSession browser)
{
    [Fact]
    public async Task Another_providers_recommendation_is_not_found_and_inspector_pages_are_forbidden()
    {
        var shots = Screenshots.For();
        var elsewhere = await PublishedRecommendationOfAnotherProvider();
        var page = await browser.OpenPage(server);
        await page.SignIn(DemoPeople.Manager);

        var other = await page.GotoAsync($"/recommendations/{elsewhere}");
        other!.Status.ShouldBe(404);
        (await page.TitleAsync()).ShouldBe("Page not found – Track inspection recommendations – GOV.UK");
        (await page.InnerTextAsync("main")).ShouldNotContain("Example Community Rehabilitation Company");
        await shots.Check(page, "other-provider-not-found");

        (await page.GotoAsync($"/recommendations/{elsewhere}/respond"))!.Status.ShouldBe(404);

        var own = await OwnRecommendation();
        var inspectorPage = await page.GotoAsync($"/recommendations/{own}/response/accept");
        inspectorPage!.Status.ShouldBe(403);
        await page.GetByRole(AriaRole.Heading, new() { Name = "You cannot view this page" }).WaitForAsync();
        await shots.Check(page, "inspector-page-forbidden");

        var navigation = await page.Locator(".govuk-service-navigation").InnerTextAsync();
        navigation.ShouldNotContain("Work queues");
        navigation.ShouldNotContain("Inspections");
        foreach (var path in new[] { "/queues", "/queues/evidence", "/inspections", "/inspections/new", $"/recommendations/{own}/close" })
        {
            (await page.GotoAsync(path))!.Status.ShouldBe(403, path);
        }
    }

    private async Task<Guid> PublishedRecommendationOfAnotherProvider()
    {
        using var inspector = server.ApiAs("inspector");
        var standards = new[] { "1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2" }.Select(code => new { code, rating = "Good" });
        var recorded = await inspector.PostAsJsonAsync("/api/inspections", new
        {
            provider = new { id = "example-crc", name = "Example Community Rehabilitation Company", region = "North West" },
            title = "An inspection of Example CRC",
            fieldworkStartedOn = "2019-10-07",
            fieldworkEndedOn = "2019-10-18",
            overallRating = "Good",
            standards,
            recommendations = new[] { new { number = 1, text = "Analyse risk of harm in more depth at assessment.", addressees = new[] { "Provider" }, linkedStandards = new[] { "2.1" } } },
        });
        recorded.EnsureSuccessStatusCode();
        var inspection = await recorded.Content.ReadFromJsonAsync<JsonElement>();
        var id = inspection.GetProperty("id").GetGuid();
        (await inspector.PostAsJsonAsync($"/api/inspections/{id}/publish", new { publishedOn = "2020-03-02" })).EnsureSuccessStatusCode();
        return inspection.GetProperty("recommendations")[0].GetProperty("id").GetGuid();
    }

    private async Task<Guid> OwnRecommendation()
    {
        using var inspector = server.ApiAs("inspector");
        var list = await inspector.GetFromJsonAsync<JsonElement>($"/api/recommendations?providerId={DemoPeople.NorthumbriaId}");
        return list.EnumerateArray().First(r => r.GetProperty("number").GetInt32() == 8).GetProperty("id").GetGuid();
    }
}
