using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using Json.Schema;
using Tracking.IntegrationTests.Infrastructure;
using Tracking.Recommendations.Demo;

namespace Tracking.IntegrationTests.Public;

/// <summary>One embedded server with the demo data, followed up once (<see cref="PublicJourney"/>) for every test of the class.</summary>
public sealed class NorthumbriaFollowedUp : IAsyncLifetime
{
    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "tracking-tests", Guid.NewGuid().ToString("N"));

    public TrackingHost Host { get; private set; } = null!;

    internal PublicJourney Journey { get; } = new();

    public Guid InspectionId => Journey.InspectionId;

    public async Task InitializeAsync()
    {
        Host = TrackingHost.Embedded(DataFolder, seedDemoData: true);
        var visitor = Host.CreateClient();
        var provider = await Eventually.Get(
            () => visitor.GetAsync($"/api/public/providers/{NorthumbriaDemo.ProviderId}"), r => r.IsSuccessStatusCode,
            because: "the seeded demo inspection to reach the public tracker");
        var inspection = (await provider.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("inspections")[0].GetProperty("id").GetGuid();
        await Journey.Run(Host, inspection);
        await PublicTracker.Settled(visitor, inspection);
    }

    public async Task DisposeAsync() => await Teardown.All(Host, Teardown.SqliteFolder(DataFolder));
}

/// <summary>
/// A visitor, signed in to nothing, follows Northumbria CRC's inspection on the public tracker of the embedded server: the
/// eight recommendations with their public status, open data that matches its published schema, Atom feeds with an entry
/// per status change, cache validators, and not one private word.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class When_the_public_follows_Northumbria(NorthumbriaFollowedUp world) : IClassFixture<NorthumbriaFollowedUp>
{
    private readonly HttpClient _visitor = world.Host.CreateClient();

    [Fact]
    public async Task The_inspection_shows_its_eight_recommendations_with_their_public_status()
    {
        var inspection = await PublicTracker.Inspection(_visitor, world.InspectionId);

        inspection.GetProperty("overallRating").GetString().ShouldBe("RequiresImprovement");
        inspection.GetProperty("publishedOn").GetString().ShouldBe("2020-02-11");
        inspection.GetProperty("provider").GetProperty("region").GetString().ShouldBe("North East");
        var standards = inspection.GetProperty("standards").EnumerateArray().ToList();
        standards.Count.ShouldBe(10);
        standards.Single(s => s.GetProperty("code").GetString() == "1.2").GetProperty("rating").GetString().ShouldBe("Good");
        var recommendations = inspection.GetProperty("recommendations").EnumerateArray().ToList();
        recommendations.Select(r => r.GetProperty("number").GetInt32()).ShouldBe([1, 2, 3, 4, 5, 6, 7, 8]);
        foreach (var r in recommendations)
        {
            var (status, response) = PublicJourney.Expected[r.GetProperty("number").GetInt32()];
            r.GetProperty("status").GetString().ShouldBe(status, $"recommendation {r.GetProperty("number")}");
            (r.GetProperty("responseCategory").ValueKind == JsonValueKind.Null ? null : r.GetProperty("responseCategory").GetString())
                .ShouldBe(response, $"recommendation {r.GetProperty("number")}");
            r.GetProperty("statusChanges")[0].GetProperty("to").GetString().ShouldBe("Published");
        }

        var fifth = recommendations[4];
        fifth.GetProperty("latestProgressJudgement").GetString().ShouldBe("ReasonableProgress");
        fifth.GetProperty("progressJudgements").EnumerateArray().Select(j => j.GetProperty("judgement").GetString()).ShouldBe(["ReasonableProgress"]);
        recommendations[5].GetProperty("closedOn").GetString().ShouldBe(UkCalendar.Today(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd"));
        recommendations[0].GetProperty("respondedOn").ValueKind.ShouldBe(JsonValueKind.Null);
        recommendations[7].GetProperty("statusChanges").EnumerateArray().Select(c => c.GetProperty("to").GetString())
            .ShouldBe(["Published", "Responded", "InProgress"]);
    }

    [Fact]
    public async Task Providers_can_be_found_by_name_region_status_and_standard()
    {
        async Task<List<string?>> Found(string query) =>
            [.. (await _visitor.GetFromJsonAsync<JsonElement>("/api/public/providers" + query)).GetProperty("items").EnumerateArray()
                .Select(p => p.GetProperty("id").GetString())];

        (await Found("")).ShouldBe([NorthumbriaDemo.ProviderId]);
        (await Found("?search=NORTHUMBRIA")).ShouldBe([NorthumbriaDemo.ProviderId]);
        (await Found("?region=north%20east")).ShouldBe([NorthumbriaDemo.ProviderId]);
        (await Found("?region=Wales")).ShouldBeEmpty();
        (await Found("?status=ClosedNotImplemented&standard=2.3")).ShouldBeEmpty("recommendation 7 is linked to 1.2 only");
        (await Found("?status=ClosedNotImplemented&standard=1.2")).ShouldBe([NorthumbriaDemo.ProviderId]);
        (await Found("?standard=3.2")).ShouldBeEmpty("no recommendation is linked to 3.2");
        var row = (await _visitor.GetFromJsonAsync<JsonElement>("/api/public/providers")).GetProperty("items")[0];
        row.GetProperty("recommendations").GetInt32().ShouldBe(8);
        row.GetProperty("byStatus").GetProperty("inProgress").GetInt32().ShouldBe(3);
        row.GetProperty("byStatus").GetProperty("open").GetInt32().ShouldBe(6);
        row.GetProperty("lastInspection").GetProperty("title").GetString().ShouldBe("An inspection of Northumbria Community Rehabilitation Company");

        var bad = await _visitor.GetAsync("/api/public/providers?status=Finished&standard=9.9");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.TryGetProperty("status", out _).ShouldBeTrue();
        errors.TryGetProperty("standard", out _).ShouldBeTrue();
        (await _visitor.GetAsync("/api/public/providers/nobody-crc")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _visitor.GetAsync($"/api/public/inspections/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_open_data_matches_its_documented_schemas()
    {
        var jsonSchema = Schema("recommendations.schema.json");
        var csvSchema = Schema("recommendations.csv.schema.json");

        var json = await _visitor.GetAsync("/api/public/open-data/recommendations.json");
        json.Content.Headers.ContentDisposition!.FileName.ShouldNotBeNull();
        using var document = JsonDocument.Parse(await json.Content.ReadAsStringAsync());
        Valid(jsonSchema, document.RootElement);
        document.RootElement.GetProperty("recommendations").GetArrayLength().ShouldBe(8);
        document.RootElement.GetProperty("inspections")[0].GetProperty("standards").GetArrayLength().ShouldBe(10);

        var csv = await _visitor.GetAsync("/api/public/open-data/recommendations.csv");
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var rows = Csv.Read(await csv.Content.ReadAsStringAsync());
        var header = rows[0];
        header.ShouldBe(csvSchema.RootElement.GetProperty("x-columns").EnumerateArray().Select(c => c.GetString()!).ToArray());
        rows.Count.ShouldBe(9);
        foreach (var row in rows.Skip(1))
        {
            // Each row, read as an object of its header's columns, is checked against the CSV's row schema.
            var record = new JsonObject(header.Zip(row).Select(c => KeyValuePair.Create(c.First, (JsonNode?)JsonValue.Create(c.Second))));
            using var instance = JsonDocument.Parse(record.ToJsonString());
            Valid(csvSchema, instance.RootElement);
        }

        rows.Skip(1).Select(r => r[Array.IndexOf(header, "status")]).ShouldBe(PublicJourney.Expected.OrderBy(e => e.Key).Select(e => e.Value.Status));
        var filtered = await _visitor.GetFromJsonAsync<JsonElement>("/api/public/open-data/recommendations.json?status=Responded");
        filtered.GetProperty("recommendations").EnumerateArray().Select(r => r.GetProperty("number").GetInt32()).ShouldBe([2, 3]);
    }

    [Fact]
    public async Task The_feeds_have_an_entry_per_status_change()
    {
        var national = await Feed("/api/public/feed.atom");
        var provider = await Feed($"/api/public/providers/{NorthumbriaDemo.ProviderId}/feed.atom");

        national.Items.Count().ShouldBe(PublicJourney.StatusChanges);
        provider.Items.Count().ShouldBe(PublicJourney.StatusChanges);
        provider.Items.Select(i => i.Id).Distinct().Count().ShouldBe(PublicJourney.StatusChanges);
        provider.Items.Select(i => i.LastUpdatedTime).ShouldBeInOrder(SortDirection.Descending);
        provider.Items.Count(i => i.Categories.Any(c => c.Name == "ClosedImplemented")).ShouldBe(1);
        provider.Items.Count(i => i.Categories.Any(c => c.Name == "Published")).ShouldBe(8);
        provider.Items.First().Links.Single().Uri.AbsolutePath.ShouldBe($"/public/inspections/{world.InspectionId}");
        (await _visitor.GetAsync("/api/public/providers/nobody-crc/feed.atom")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Answers_carry_cache_validators_and_a_repeat_with_them_is_not_modified()
    {
        foreach (var path in new[]
                 {
                     "/api/public/providers", $"/api/public/inspections/{world.InspectionId}", "/api/public/open-data/recommendations.csv",
                     "/api/public/feed.atom",
                 })
        {
            var first = await _visitor.GetAsync(path);
            var etag = first.Headers.ETag.ShouldNotBeNull(path);
            etag.IsWeak.ShouldBeFalse();
            var lastModified = first.Content.Headers.LastModified.ShouldNotBeNull(path);
            first.Headers.CacheControl!.Public.ShouldBeTrue(path);
            first.Headers.CacheControl.MaxAge.ShouldNotBeNull();
            (await _visitor.GetAsync(path)).Headers.ETag!.Tag.ShouldBe(etag.Tag, "the same answer twice has the same ETag");

            var byTag = new HttpRequestMessage(HttpMethod.Get, path);
            byTag.Headers.IfNoneMatch.Add(etag);
            var notModified = await _visitor.SendAsync(byTag);
            notModified.StatusCode.ShouldBe(HttpStatusCode.NotModified, path);
            (await notModified.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();

            var byDate = new HttpRequestMessage(HttpMethod.Get, path);
            byDate.Headers.IfModifiedSince = lastModified;
            (await _visitor.SendAsync(byDate)).StatusCode.ShouldBe(HttpStatusCode.NotModified, path);

            var stale = new HttpRequestMessage(HttpMethod.Get, path);
            stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
            (await _visitor.SendAsync(stale)).StatusCode.ShouldBe(HttpStatusCode.OK, path);
        }
    }

    [Fact]
    public async Task No_private_word_reaches_a_public_answer_or_the_public_database()
    {
        var inspector = world.Host.Inspector();
        var privateDetail = string.Join("\n", await Task.WhenAll(world.Journey.Recommendations.Select(id =>
            inspector.GetStringAsync($"/api/recommendations/{id}"))));
        // The markers really are in the private record: a leak test that finds nothing because nothing was written proves nothing.
        privateDetail.ShouldContain(world.Journey.Markers["Narrative"]);
        privateDetail.ShouldContain(world.Journey.Markers["FileName"]);
        privateDetail.ShouldContain(world.Journey.Markers["OwnerEmail4"]);
        world.Journey.Markers.Count.ShouldBeGreaterThan(15);

        var answers = await PublicTracker.EveryAnswer(_visitor, world.InspectionId);

        foreach (var (path, status, body) in answers)
        {
            status.ShouldBe(HttpStatusCode.OK, path);
            foreach (var (field, marker) in world.Journey.Markers)
            {
                body.ShouldNotContain(marker, Case.Insensitive, $"{path} shows the private {field}");
            }

            body.ShouldNotContain("@", customMessage: $"{path} shows an e-mail address");
        }

        var stored = string.Join("\n", Directory.GetFiles(world.DataFolder, "public_tracker.db*")
            .Select(f => System.Text.Encoding.UTF8.GetString(ReadShared(f))));
        stored.Length.ShouldBeGreaterThan(0);
        foreach (var (field, marker) in world.Journey.Markers)
        {
            stored.ShouldNotContain(marker, Case.Insensitive, $"the public database stores the private {field}");
        }
    }

    private async Task<SyndicationFeed> Feed(string path)
    {
        var response = await _visitor.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/atom+xml");
        using var reader = XmlReader.Create(await response.Content.ReadAsStreamAsync());
        return SyndicationFeed.Load(reader);
    }

    private static byte[] ReadShared(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static JsonDocument Schema(string name) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "open-data", name)));

    private static void Valid(JsonDocument schema, JsonElement instance)
    {
        var evaluator = JsonSchema.FromText(schema.RootElement.GetRawText(), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        var result = evaluator.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        result.IsValid.ShouldBeTrue(string.Join("\n", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Tracking.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new DirectoryNotFoundException("Tracking.sln not found above the test assembly.");
    }
}
