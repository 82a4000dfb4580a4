using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tracking.IntegrationTests.Infrastructure;
using Tracking.Recommendations.Demo;
using Tracking.ServiceDefaults.Security;

namespace Tracking.IntegrationTests.Public;

/// <summary>
/// A follow-up of Northumbria's eight recommendations that leaves each in a different public status, and writes a
/// unique marker into every private field on the way: narratives, file names, people's names and e-mail addresses,
/// rationales, comments, action descriptions, revision reasons. None of the markers may ever appear in public.
/// </summary>
internal sealed class PublicJourney
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..12];

    /// <summary>What each recommendation (by number) should show in public once the journey's events have arrived.</summary>
    public static readonly IReadOnlyDictionary<int, (string Status, string? Response)> Expected = new Dictionary<int, (string, string?)>
    {
        [1] = ("Published", null),
        [2] = ("Responded", "Agreed"),
        [3] = ("Responded", "PartlyAgreed"),
        [4] = ("InProgress", "Agreed"),
        [5] = ("InProgress", "Agreed"),
        [6] = ("ClosedImplemented", "Agreed"),
        [7] = ("ClosedNotImplemented", "NotAgreed"),
        [8] = ("InProgress", "Agreed"),
    };

    /// <summary>Status changes the journey causes, publication included: 8 publications + 7 responses + r4, r5, r8 in progress + 2 closures.</summary>
    public const int StatusChanges = 8 + 7 + 3 + 2;

    public Dictionary<string, string> Markers { get; } = [];

    public Guid InspectionId { get; private set; }

    public IReadOnlyList<Guid> Recommendations { get; private set; } = [];

    private string Marker(string field)
    {
        var marker = $"zq{field}{_run}";
        Markers[field] = marker;
        return marker;
    }

    /// <param name="recommendations">The host serving the recommendations API.</param>
    public async Task Run(TrackingHost recommendations, Guid? published = null)
    {
        var inspector = As(recommendations, TrackingRoles.Inspector, Marker("InspectorName"), Marker("InspectorEmail") + "@example.org");
        var manager = As(recommendations, TrackingRoles.ProviderManager, Marker("ManagerName"), Marker("ManagerEmail") + "@example.org",
            NorthumbriaDemo.ProviderId);
        InspectionId = published ?? await TrackingApi.RecordAndPublishNorthumbria(inspector);
        Recommendations = [.. (await inspector.GetFromJsonAsync<JsonElement>($"/api/inspections/{InspectionId}"))
            .GetProperty("recommendations").EnumerateArray()
            .OrderBy(r => r.GetProperty("number").GetInt32()).Select(r => r.GetProperty("id").GetGuid())];
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        await Ok(manager.PutAsJsonAsync(Path(2, "response"), new { response = "Agreed", rationale = Marker("Rationale") }));
        await Ok(manager.PutAsJsonAsync(Path(3, "response"), new { response = "PartlyAgreed", rationale = Marker("PartlyRationale") }));
        await Ok(inspector.PostAsJsonAsync(Path(3, "response/acceptance"), new { comment = Marker("AcceptanceComment") }));

        await Ok(manager.PutAsJsonAsync(Path(4, "response"), new { response = "Agreed" }));
        await PlanAction(manager, 4, today.AddDays(30));

        await Ok(manager.PutAsJsonAsync(Path(5, "response"), new { response = "Agreed" }));
        var action = await PlanAction(manager, 5, today.AddDays(40));
        var evidence = await SubmitEvidence(manager, 5, action, today);
        await Ok(inspector.PostAsJsonAsync(Path(5, $"evidence/{evidence}/review"),
            new { outcome = "Accepted", comment = Marker("ReviewComment"), progressJudgement = "ReasonableProgress" }));

        await Ok(manager.PutAsJsonAsync(Path(6, "response"), new { response = "Agreed" }));
        await Ok(inspector.PostAsJsonAsync(Path(6, "close"), new { closedAs = "Implemented", comment = Marker("ClosureComment") }));

        await Ok(manager.PutAsJsonAsync(Path(7, "response"), new { response = "NotAgreed", rationale = Marker("RefusalRationale") }));
        await Ok(inspector.PostAsJsonAsync(Path(7, "close"), new { closedAs = "NotImplemented", comment = Marker("NotImplementedComment") }));

        await Ok(manager.PutAsJsonAsync(Path(8, "response"), new { response = "Agreed", targetDate = today.AddDays(100) }));
        await Ok(manager.PostAsJsonAsync(Path(8, "target-date-revisions"), new { requestedDate = today.AddDays(200), reason = Marker("RevisionReason") }));
    }

    private string Path(int number, string rest) => $"/api/recommendations/{Recommendations[number - 1]}/{rest}";

    private async Task<Guid> PlanAction(HttpClient manager, int number, DateOnly due) =>
        await Created(manager.PostAsJsonAsync(Path(number, "actions"), new
        {
            description = Marker($"ActionDescription{number}"),
            owner = new { name = Marker($"OwnerName{number}"), email = Marker($"OwnerEmail{number}") + "@example.org" },
            targetDate = due,
            measureOfSuccess = Marker($"Measure{number}"),
        }));

    private async Task<Guid> SubmitEvidence(HttpClient manager, int number, Guid action, DateOnly effective)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(Marker("Narrative")), "narrative" },
            { new StringContent(effective.ToString("yyyy-MM-dd")), "effectiveDate" },
            { new StringContent(action.ToString()), "actionIds" },
        };
        var pdf = new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.4\n% " + Marker("FileContent") + "\n%%EOF\n"));
        pdf.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(pdf, "files", Marker("FileName") + ".pdf");
        return await Created(manager.PostAsync(Path(number, "evidence"), form));
    }

    private static HttpClient As(TrackingHost host, string role, string name, string email, params string[] providers)
    {
        var client = host.CreateClient();
        var token = host.Services.GetRequiredService<TokenIssuer>().Mint(role, providers, name: name, email: email, subject: name);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task Ok(Task<HttpResponseMessage> sending)
    {
        var response = await sending;
        response.IsSuccessStatusCode.ShouldBeTrue($"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<Guid> Created(Task<HttpResponseMessage> sending)
    {
        var response = await sending;
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return Guid.Parse(response.Headers.Location!.ToString().Split('/').Last());
    }
}
