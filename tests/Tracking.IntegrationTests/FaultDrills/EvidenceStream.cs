using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Tracking.IntegrationTests.Infrastructure;
using Tracking.Recommendations.Demo;

namespace Tracking.IntegrationTests.FaultDrills;

/// <summary>
/// A steady stream of evidence submissions against Northumbria's eight recommendations, the load the drills
/// break things under. Counts what the API accepted so the drills can compare it with what arrived downstream.
/// </summary>
public sealed class EvidenceStream(HttpClient inspector, HttpClient manager)
{
    private readonly List<Guid> _recommendations = [];

    public int Accepted { get; private set; }

    public int Refused { get; private set; }

    public TimeSpan LongestAnswer { get; private set; }

    public IReadOnlyList<Guid> Recommendations => _recommendations;

    public async Task Prepare()
    {
        var inspection = await TrackingApi.RecordAndPublishNorthumbria(inspector);
        var recorded = await inspector.GetFromJsonAsync<JsonElement>($"/api/inspections/{inspection}");
        foreach (var recommendation in recorded.GetProperty("recommendations").EnumerateArray())
        {
            var id = recommendation.GetProperty("id").GetGuid();
            (await manager.PutAsJsonAsync($"/api/recommendations/{id}/response", new { response = "Agreed" })).EnsureSuccessStatusCode();
            _recommendations.Add(id);
        }
    }

    /// <summary>Submits <paramref name="count"/> pieces of evidence, one after another, round the recommendations.</summary>
    public async Task Submit(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await SubmitOne();
        }
    }

    /// <summary>Keeps submitting until told to stop, so a drill can break something while the stream is certainly still running.</summary>
    public async Task SubmitUntil(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await SubmitOne();
        }
    }

    private async Task SubmitOne()
    {
        var id = _recommendations[(Accepted + Refused) % _recommendations.Count];
        var form = new MultipartFormDataContent
        {
            { new StringContent($"Audit sample {Accepted + Refused} ({NorthumbriaDemo.ProviderId})."), "narrative" },
            { new StringContent(DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd")), "effectiveDate" },
        };
        var timer = Stopwatch.StartNew();
        var response = await manager.PostAsync($"/api/recommendations/{id}/evidence", form);
        LongestAnswer = timer.Elapsed > LongestAnswer ? timer.Elapsed : LongestAnswer;
        if (response.IsSuccessStatusCode)
        {
            Accepted++;
        }
        else
        {
            Refused++;
        }
    }

    /// <summary>Evidence planning applied more than once, counted in rows: a submission alone changes its row once.</summary>
    public static Task<long> AppliedTwiceByPlanning(TestDatabase database) =>
        database.Count("planning.evidence_items", "\"Changes\" <> 1");

    /// <summary>Evidence for which scheduling opened more than one review deadline.</summary>
    public static Task<long> AppliedTwiceByScheduling(TestDatabase database) =>
        database.Count("(SELECT \"EvidenceId\" FROM scheduling.deadlines WHERE \"Kind\" = 'EvidenceReview' GROUP BY \"EvidenceId\" HAVING count(*) > 1) d");
}
