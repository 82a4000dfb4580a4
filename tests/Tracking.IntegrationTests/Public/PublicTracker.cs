using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tracking.IntegrationTests.Infrastructure;
using Tracking.Recommendations.Demo;

namespace Tracking.IntegrationTests.Public;

/// <summary>What an anonymous visitor asks the public tracker, in their words.</summary>
internal static class PublicTracker
{
    /// <summary>Every public answer about Northumbria, nationally and for the provider, as text: what the leak and rebuild tests compare.</summary>
    public static async Task<IReadOnlyList<(string Path, HttpStatusCode Status, string Body)>> EveryAnswer(HttpClient visitor, Guid inspectionId)
    {
        string[] paths =
        [
            "/api/public/providers",
            "/api/public/providers?search=northumbria&region=North%20East",
            "/api/public/providers?status=InProgress&standard=2.1",
            $"/api/public/providers/{NorthumbriaDemo.ProviderId}",
            $"/api/public/inspections/{inspectionId}",
            "/api/public/open-data/recommendations.csv",
            "/api/public/open-data/recommendations.json",
            "/api/public/open-data/recommendations.json?status=ClosedImplemented",
            "/api/public/feed.atom",
            $"/api/public/providers/{NorthumbriaDemo.ProviderId}/feed.atom",
        ];
        var answers = new List<(string, HttpStatusCode, string)>();
        foreach (var path in paths)
        {
            var response = await visitor.GetAsync(path);
            answers.Add((path, response.StatusCode, await response.Content.ReadAsStringAsync()));
        }

        return answers;
    }

    public static async Task<JsonElement> Inspection(HttpClient visitor, Guid inspectionId) =>
        await visitor.GetFromJsonAsync<JsonElement>($"/api/public/inspections/{inspectionId}", TrackingApi.Json);

    /// <summary>Waits until the inspection shows every recommendation in the status the journey leaves it in.</summary>
    public static Task<JsonElement> Settled(HttpClient visitor, Guid inspectionId) => Eventually.Get(
        async () =>
        {
            var response = await visitor.GetAsync($"/api/public/inspections/{inspectionId}");
            return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>(TrackingApi.Json) : default;
        },
        inspection => inspection.ValueKind == JsonValueKind.Object
            && inspection.GetProperty("recommendations").GetArrayLength() == 8
            && inspection.GetProperty("recommendations").EnumerateArray().All(r =>
                r.GetProperty("status").GetString() == PublicJourney.Expected[r.GetProperty("number").GetInt32()].Status)
            && inspection.GetProperty("recommendations").EnumerateArray().Sum(r => r.GetProperty("statusChanges").GetArrayLength())
                == PublicJourney.StatusChanges,
        TimeSpan.FromSeconds(60), "the public tracker to show the journey's statuses");
}
