using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Tracking.Recommendations.Demo;
using Tracking.Recommendations.Features.RecordInspection;

namespace Tracking.IntegrationTests.Infrastructure;

/// <summary>The HTTP calls the journeys make, in the words of the people making them.</summary>
public static class TrackingApi
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static async Task<Guid> RecordAndPublishNorthumbria(HttpClient recommendations, RecordInspectionRequest? inspection = null)
    {
        var recorded = await recommendations.PostAsJsonAsync("/api/inspections", inspection ?? NorthumbriaDemo.Inspection(), Json);
        recorded.StatusCode.ShouldBe(HttpStatusCode.Created, await recorded.Content.ReadAsStringAsync());
        var id = (await recorded.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("id").GetGuid();
        recorded.Headers.Location!.ToString().ShouldBe($"/api/inspections/{id}");

        var published = await recommendations.PostAsJsonAsync($"/api/inspections/{id}/publish", new { publishedOn = "2020-02-11" }, Json);
        published.StatusCode.ShouldBe(HttpStatusCode.OK, await published.Content.ReadAsStringAsync());
        return id;
    }

    /// <summary>The provider's outstanding recommendations: the first page of the list, as large as a page may be.</summary>
    public static async Task<List<JsonElement>> Outstanding(HttpClient planning, string providerId)
    {
        var response = await planning.GetAsync($"/api/planning/outstanding?providerId={providerId}&pageSize=200");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return Items(await response.Content.ReadFromJsonAsync<JsonElement>(Json));
    }

    /// <summary>The rows of one page of the outstanding list (<c>{ items, nextCursor }</c>).</summary>
    public static List<JsonElement> Items(JsonElement page) => [.. page.GetProperty("items").EnumerateArray()];
}
