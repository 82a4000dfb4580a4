using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClosedXML.Excel;
using CsvHelper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tracking.IntegrationTests.Infrastructure;
using Tracking.Planning.Data;
using Tracking.Planning.ReadModel;
using Tracking.ServiceDefaults.Security;

namespace Tracking.IntegrationTests;

/// <summary>
/// A planning host on real PostgreSQL and RabbitMQ with a generated population in its read model: 50 providers in five
/// regions, 2,000 recommendations of every status, standard and addressee, some with missed deadlines, and a few rows
/// still waiting for their publication event. Expectations are worked out here from the same population.
/// </summary>
public class PlanningPopulation : IAsyncLifetime
{
    /// <summary>Monday 15 June 2026, 10:00 in London.</summary>
    public static readonly DateTimeOffset Now = new(2026, 6, 15, 9, 0, 0, TimeSpan.Zero);

    public static readonly DateOnly Today = new(2026, 6, 15);

    public static readonly string[] Regions = ["East of England", "London", "Midlands", "North East", "Wales"];

    public static readonly string[] Standards = ["1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2"];

    private static readonly string[] Judgements = ["NoMeaningfulProgress", "InsufficientProgress", "ReasonableProgress", "GoodProgress"];

    private TestDatabase? _database;
    private TestVirtualHost? _vhost;

    public TrackingHost Host { get; private set; } = null!;

    public List<PlannedProvider> Providers { get; } = [];

    /// <summary>Every row in the read model, including those still awaiting publication.</summary>
    public List<OutstandingRecommendation> Recommendations { get; } = [];

    public List<MissedDeadline> Missed { get; } = [];

    protected virtual int ProviderCount => 50;

    protected virtual int RecommendationCount => 2_000;

    /// <summary>The planning service alone, on PostgreSQL and RabbitMQ, as deployed.</summary>
    protected virtual async Task<TrackingHost> StartHost()
    {
        _database = await TestDatabase.Create();
        _vhost = await TestVirtualHost.Create();
        return TrackingHost.Distributed("planning", _database, _vhost, clock: new FakeTimeProvider(Now));
    }

    public async Task InitializeAsync()
    {
        Host = await StartHost();
        _ = Host.Services;

        var random = new Random(20260615);
        for (var i = 1; i <= ProviderCount; i++)
        {
            // Names sort in a different order from ids, so the provider order is seen to use the name.
            Providers.Add(new PlannedProvider
            {
                ProviderId = $"pop-p{i:00}",
                Name = $"Provider {(char)('A' + ((i * 7) % 26))}{i:00} CRC",
                Region = Regions[i % Regions.Length],
            });
        }

        var numbers = Providers.ToDictionary(p => p.ProviderId, _ => 0);
        for (var i = 0; i < RecommendationCount; i++)
        {
            var provider = Providers[random.Next(Providers.Count)];
            var publishedOn = new DateOnly(2019, 1, 1).AddDays(random.Next(Today.DayNumber - new DateOnly(2019, 1, 1).DayNumber - 5));
            var status = random.Next(100) switch
            {
                < 30 => RecommendationStatuses.AwaitingResponse,
                < 65 => RecommendationStatuses.InProgress,
                < 80 => RecommendationStatuses.EvidenceSubmitted,
                _ => RecommendationStatuses.Closed,
            };
            var row = NewRecommendation(provider.ProviderId, ++numbers[provider.ProviderId], publishedOn, status, random);
            Recommendations.Add(row);
            var missedCount = random.Next(100) switch { < 60 => 0, < 85 => 1, _ => 2 };
            for (var m = 0; m < missedCount; m++)
            {
                var cleared = random.Next(4) == 0;
                Missed.Add(new MissedDeadline
                {
                    DeadlineId = Guid.NewGuid(),
                    RecommendationId = row.RecommendationId,
                    ProviderId = row.ProviderId,
                    Kind = m == 0 ? "Response" : "Action",
                    DueOn = publishedOn.AddDays(20 + random.Next(400)) is var due && due < Today ? due : Today.AddDays(-1),
                    Escalated = random.Next(3) == 0,
                    Cleared = cleared,
                    ClearedAt = cleared ? Now.UtcDateTime.AddDays(-random.Next(30)) : null,
                });
            }
        }

        // Rows a lifecycle event created before their publication arrived: never listed or counted.
        for (var i = 0; i < 10; i++)
        {
            var placeholder = OutstandingRecommendation.Placeholder(Guid.NewGuid(), Providers[i].ProviderId);
            placeholder.LinkedStandards = ["2.1"];
            placeholder.Addressees = ["Provider"];
            placeholder.Status = RecommendationStatuses.InProgress;
            placeholder.NextDueOn = new DateOnly(2000, 1, 1);
            Recommendations.Add(placeholder);
        }

        await Insert(Recommendations, Providers, Missed);
    }

    public OutstandingRecommendation NewRecommendation(
        string providerId, int number, DateOnly publishedOn, string status, Random random, DateOnly? nextDueOn = null)
    {
        var closed = status == RecommendationStatuses.Closed;
        var addressees = new List<string> { "Provider" };
        if (random.Next(3) == 0)
        {
            addressees.Add("Hmpps");
        }

        if (random.Next(5) == 0)
        {
            addressees = random.Next(2) == 0 ? ["MinistryOfJustice"] : [.. addressees, "MinistryOfJustice"];
        }

        return new OutstandingRecommendation
        {
            RecommendationId = Guid.NewGuid(),
            InspectionId = Guid.NewGuid(),
            ProviderId = providerId,
            Number = number,
            Text = $"Improve practice, recommendation {number} for {providerId}.",
            Addressees = addressees,
            LinkedStandards = [.. Standards.OrderBy(_ => random.Next()).Take(1 + random.Next(3)).Order(StringComparer.Ordinal)],
            PublishedOn = publishedOn,
            PublishedAt = publishedOn.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc),
            Status = status,
            Version = 1 + random.Next(6),
            NextDueOn = nextDueOn ?? (closed || random.Next(7) == 0 ? null : publishedOn.AddDays(30 + random.Next(900))),
            OpenActions = closed ? 0 : random.Next(5),
            EvidenceAwaitingReview = status == RecommendationStatuses.EvidenceSubmitted ? 1 + random.Next(2) : 0,
            LastEvidenceOn = random.Next(2) == 0 ? null : publishedOn.AddDays(10 + random.Next(200)),
            LastProgressJudgement = random.Next(5) == 0 ? null : Judgements[random.Next(Judgements.Length)],
            ClosedAs = closed ? "Implemented" : null,
            ClosedAt = closed ? Now.UtcDateTime.AddDays(-random.Next(300)) : null,
        };
    }

    /// <summary>Writes rows straight into the planning read model and remembers them for the expectations.</summary>
    public async Task Insert(
        IReadOnlyCollection<OutstandingRecommendation> recommendations, IReadOnlyCollection<PlannedProvider>? providers = null,
        IReadOnlyCollection<MissedDeadline>? missed = null)
    {
        await Host.Query(async sp =>
        {
            var db = sp.GetRequiredService<PlanningDbContext>();
            db.Providers.AddRange(providers ?? []);
            db.Outstanding.AddRange(recommendations);
            db.MissedDeadlines.AddRange(missed ?? []);
            return await db.SaveChangesAsync();
        });
        if (!ReferenceEquals(recommendations, Recommendations))
        {
            Recommendations.AddRange(recommendations);
        }
    }

    public PlannedProvider ProviderOf(OutstandingRecommendation r) => Providers.Single(p => p.ProviderId == r.ProviderId);

    /// <summary>Published rows of every status.</summary>
    public IEnumerable<OutstandingRecommendation> Published => Recommendations.Where(r => !r.AwaitingPublication);

    public IEnumerable<OutstandingRecommendation> Open => Published.Where(r => r.Status != RecommendationStatuses.Closed);

    /// <summary>The earliest missed deadline not yet cleared, for an open recommendation; null when it is not overdue.</summary>
    public DateOnly? OverdueSince(OutstandingRecommendation r) => r.Status == RecommendationStatuses.Closed
        ? null
        : Missed.Where(d => d.RecommendationId == r.RecommendationId && !d.Cleared).Min(d => d.DueOn);

    /// <summary>The order the service promises: the sort key, then provider id, publication day and number.</summary>
    public List<OutstandingRecommendation> Ordered(IEnumerable<OutstandingRecommendation> rows, string sort)
    {
        var byKey = sort switch
        {
            "daysOverdue" => rows.OrderBy(r => OverdueSince(r) ?? DateOnly.MaxValue),
            "provider" => rows.OrderBy(r => ProviderOf(r).Name, StringComparer.Ordinal),
            _ => rows.OrderBy(r => r.NextDueOn ?? DateOnly.MaxValue),
        };
        return [.. byKey.ThenBy(r => r.ProviderId, StringComparer.Ordinal).ThenBy(r => r.PublishedOn).ThenBy(r => r.Number)];
    }

    public virtual async Task DisposeAsync()
    {
        await Teardown.All(Host, _vhost, _database);
    }
}

/// <summary>The same kind of population, smaller, in the embedded single process on SQLite.</summary>
public sealed class SqlitePlanningPopulation : PlanningPopulation
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "tracking-tests", Guid.NewGuid().ToString("N"));

    protected override int ProviderCount => 10;

    protected override int RecommendationCount => 300;

    protected override Task<TrackingHost> StartHost() =>
        Task.FromResult(TrackingHost.Embedded(_dataFolder, clock: new FakeTimeProvider(Now)));

    public override async Task DisposeAsync()
    {
        await Teardown.All(Teardown.Step(base.DisposeAsync), Teardown.SqliteFolder(_dataFolder));
    }
}

[Collection(HostCollection.Name)]
public sealed class When_planners_query_what_is_outstanding(PlanningPopulation population) : IClassFixture<PlanningPopulation>
{
    private readonly HttpClient _planner = population.Host.Planner();

    public static TheoryData<string> Filters =>
    [
        "providerId=pop-p07",
        "region=Wales",
        "standard=2.1",
        "status=InProgress",
        "status=Closed",
        "overdue=true",
        "overdue=false",
        "addressee=Hmpps",
        "addressee=ministryofjustice",
        "publishedBefore=2020-06-01",
        "publishedAfter=2025-01-31",
        "minAgeDays=1000",
        "region=London&standard=2.3&overdue=true",
        "providerId=pop-p12&addressee=Provider&status=AwaitingResponse&publishedAfter=2020-01-01",
    ];

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Each_filter_lists_exactly_the_matching_recommendations(string query)
    {
        var expected = population.Ordered(population.Published.Where(Matches(query)), "dueDate");

        var rows = await Walk(_planner, query);

        expected.Count.ShouldBeGreaterThan(0, $"the population should have rows for {query}");
        Ids(rows).ShouldBe(expected.Select(r => r.RecommendationId), $"rows for {query}");
        foreach (var row in rows)
        {
            var seeded = population.Recommendations.Single(r => r.RecommendationId == row.GetProperty("recommendationId").GetGuid());
            var since = population.OverdueSince(seeded);
            row.GetProperty("overdue").GetBoolean().ShouldBe(since is not null);
            row.GetProperty("daysOverdue").GetInt32().ShouldBe(since is { } day ? PlanningPopulation.Today.DayNumber - day.DayNumber : 0);
            row.GetProperty("number").GetInt32().ShouldBe(seeded.Number);
            row.GetProperty("text").GetString().ShouldBe(seeded.Text);
            row.GetProperty("status").GetString().ShouldBe(seeded.Status);
            row.GetProperty("openActions").GetInt32().ShouldBe(seeded.OpenActions);
            row.GetProperty("lastProgressJudgement").GetString().ShouldBe(seeded.LastProgressJudgement);
            row.GetProperty("provider").GetProperty("name").GetString().ShouldBe(population.ProviderOf(seeded).Name);
        }
    }

    [Theory]
    [InlineData("dueDate")]
    [InlineData("daysOverdue")]
    [InlineData("provider")]
    public async Task Each_sort_order_lists_every_open_recommendation_in_that_order(string sort)
    {
        var rows = await Walk(_planner, $"sort={sort}");

        Ids(rows).ShouldBe(population.Ordered(population.Open, sort).Select(r => r.RecommendationId));
        switch (sort)
        {
            case "dueDate":
                var due = rows.Select(r => r.GetProperty("nextDueOn").ValueKind == JsonValueKind.Null
                    ? DateOnly.MaxValue
                    : DateOnly.Parse(r.GetProperty("nextDueOn").GetString()!, CultureInfo.InvariantCulture)).ToList();
                due.ShouldBe(due.Order().ToList(), "next deadline first, none last");
                break;
            case "daysOverdue":
                var days = rows.Select(r => r.GetProperty("daysOverdue").GetInt32()).ToList();
                days.ShouldBe(days.OrderDescending().ToList(), "most overdue first");
                rows[0].GetProperty("overdue").GetBoolean().ShouldBeTrue();
                break;
            default:
                var names = rows.Select(r => r.GetProperty("provider").GetProperty("name").GetString()!).ToList();
                names.ShouldBe(names.Order(StringComparer.Ordinal).ToList(), "providers by name");
                break;
        }
    }

    [Fact]
    public async Task Walking_the_pages_returns_every_row_exactly_once()
    {
        var expected = population.Ordered(population.Open, "dueDate");
        var pages = new List<List<JsonElement>>();
        string? after = null;
        do
        {
            var page = await Page(_planner, "pageSize=37", after);
            pages.Add(TrackingApi.Items(page));
            after = NextCursor(page);
        }
        while (after is not null && pages.Count < 1_000);

        pages.Count.ShouldBe((expected.Count + 36) / 37);
        pages.SkipLast(1).ShouldAllBe(p => p.Count == 37);
        var ids = pages.SelectMany(Ids).ToList();
        ids.Distinct().Count().ShouldBe(ids.Count, "no row on two pages");
        ids.ShouldBe(expected.Select(r => r.RecommendationId));

        var first = await _planner.GetFromJsonAsync<JsonElement>("/api/planning/outstanding", TrackingApi.Json);
        TrackingApi.Items(first).Count.ShouldBe(50, "the default page size");
    }

    [Fact]
    public async Task Rows_inserted_before_the_cursor_do_not_shift_the_later_pages()
    {
        const string query = "region=Midlands&pageSize=50";
        var firstPage = await Page(_planner, query, null);
        var cursor = NextCursor(firstPage).ShouldNotBeNull();
        var secondPageBefore = TrackingApi.Items(await Page(_planner, query, cursor));

        var provider = population.Providers.First(p => p.Region == "Midlands");
        var random = new Random(7);
        var number = 900;
        var early = Enumerable.Range(0, 5).Select(_ => population.NewRecommendation(
            provider.ProviderId, ++number, new DateOnly(2024, 3, 1), RecommendationStatuses.InProgress, random, new DateOnly(2000, 1, 3))).ToList();
        var late = Enumerable.Range(0, 5).Select(_ => population.NewRecommendation(
            provider.ProviderId, ++number, new DateOnly(2024, 3, 1), RecommendationStatuses.InProgress, random, new DateOnly(2099, 1, 3))).ToList();
        await population.Insert([.. early, .. late]);

        Ids(TrackingApi.Items(await Page(_planner, query, null))).ShouldContain(early[0].RecommendationId, "a fresh first page shows the new rows");
        var secondPageAfter = TrackingApi.Items(await Page(_planner, query, cursor));
        Ids(secondPageAfter).ShouldBe(Ids(secondPageBefore), "the page after the cursor is unchanged");

        var rest = await Walk(_planner, query, cursor);
        var lastSeen = Ids(TrackingApi.Items(firstPage)).Last();
        var expected = population.Ordered(population.Open.Where(r => population.ProviderOf(r).Region == "Midlands"), "dueDate")
            .Select(r => r.RecommendationId).SkipWhile(id => id != lastSeen).Skip(1);
        Ids(rest).ShouldBe(expected);
        Ids(rest).ShouldNotContain(early[0].RecommendationId);
        Ids(rest).ShouldContain(late[0].RecommendationId);
        Ids(rest).ShouldNotContain(id => Ids(TrackingApi.Items(firstPage)).Contains(id));
    }

    [Theory]
    [InlineData("standard=9.9", "standard")]
    [InlineData("addressee=Council", "addressee")]
    [InlineData("publishedBefore=11/02/2020", "publishedBefore")]
    [InlineData("publishedAfter=yesterday", "publishedAfter")]
    [InlineData("minAgeDays=-3", "minAgeDays")]
    [InlineData("pageSize=201", "pageSize")]
    [InlineData("pageSize=lots", "pageSize")]
    [InlineData("after=not-a-cursor", "after")]
    [InlineData("sort=alphabetical", "sort")]
    [InlineData("status=Bogus", "status")]
    public async Task A_bad_filter_is_a_400_naming_the_parameter(string query, string parameter)
    {
        foreach (var path in new[] { "/api/planning/outstanding", "/api/planning/outstanding/export.csv" })
        {
            if (path.EndsWith(".csv", StringComparison.Ordinal) && (parameter is "pageSize" or "after"))
            {
                continue;
            }

            var response = await _planner.GetAsync($"{path}?{query}");

            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, $"{path}?{query}");
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
            errors.EnumerateObject().Select(e => e.Name).ShouldBe([parameter]);
        }
    }

    [Fact]
    public async Task A_cursor_from_another_sort_order_is_refused_naming_after()
    {
        var cursor = NextCursor(await Page(_planner, "sort=provider&pageSize=10", null)).ShouldNotBeNull();

        var response = await _planner.GetAsync($"/api/planning/outstanding?sort=dueDate&after={Uri.EscapeDataString(cursor)}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("after", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task The_regions_and_the_nation_add_up_to_what_was_published()
    {
        var overview = await _planner.GetFromJsonAsync<JsonElement>("/api/planning/regions", TrackingApi.Json);

        var regions = overview.GetProperty("regions").EnumerateArray().ToList();
        regions.Select(r => r.GetProperty("region").GetString()).ShouldBe(PlanningPopulation.Regions);
        foreach (var region in regions)
        {
            var name = region.GetProperty("region").GetString()!;
            ShouldMatch(region, population.Providers.Where(p => p.Region == name).ToList(), name);
        }

        var national = overview.GetProperty("national");
        national.GetProperty("regions").GetInt32().ShouldBe(5);
        ShouldMatch(national, population.Providers, "national");
        national.GetProperty("escalated").GetInt32().ShouldBe(regions.Sum(r => r.GetProperty("escalated").GetInt32()));
    }

    [Fact]
    public async Task A_region_ranks_its_providers_by_risk_of_slippage()
    {
        var detail = await _planner.GetFromJsonAsync<JsonElement>("/api/planning/regions/North%20East", TrackingApi.Json);

        var inRegion = population.Providers.Where(p => p.Region == "North East").ToList();
        ShouldMatch(detail.GetProperty("totals"), inRegion, "North East");
        var providers = detail.GetProperty("providers").EnumerateArray().ToList();
        var expectedRank = inRegion
            .OrderByDescending(p => OpenOf(p).Count(r => population.OverdueSince(r) is not null))
            .ThenBy(p => OpenOf(p).Min(r => (DateOnly?)r.PublishedOn) ?? DateOnly.MaxValue)
            .Select(p => p.ProviderId);
        providers.Select(p => p.GetProperty("provider").GetProperty("id").GetString()).ShouldBe(expectedRank);
        foreach (var provider in providers)
        {
            var id = provider.GetProperty("provider").GetProperty("id").GetString()!;
            ShouldMatch(provider, population.Providers.Where(p => p.ProviderId == id).ToList(), id, perProvider: true);
        }

        (await _planner.GetAsync("/api/planning/regions/Atlantis")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_provider_manager_sees_only_their_own_providers_figures_and_rows()
    {
        var manager = population.Host.ClientAs(TrackingRoles.ProviderManager, "pop-p07");
        var own = population.Providers.Single(p => p.ProviderId == "pop-p07");

        var overview = await manager.GetFromJsonAsync<JsonElement>("/api/planning/regions", TrackingApi.Json);
        var region = overview.GetProperty("regions").EnumerateArray().ShouldHaveSingleItem();
        region.GetProperty("region").GetString().ShouldBe(own.Region);
        ShouldMatch(region, [own], own.Region);
        var rows = await Walk(manager, "");
        Ids(rows).ShouldBe(population.Ordered(OpenOf(own), "dueDate").Select(r => r.RecommendationId));
        (await Walk(manager, "providerId=pop-p08")).ShouldBeEmpty();
        var otherRegion = PlanningPopulation.Regions.First(r => r != own.Region);
        (await manager.GetAsync($"/api/planning/regions/{Uri.EscapeDataString(otherRegion)}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var export = await manager.GetAsync("/api/planning/outstanding/export.csv");
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        var lines = ReadCsv(await export.Content.ReadAsByteArrayAsync()).Lines;
        lines.Count.ShouldBe(OpenOf(own).Count());
        lines.ShouldAllBe(l => l["Provider id"] == "pop-p07");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Wales")]
    public async Task Themes_count_open_recommendations_by_standard_across_providers(string? region)
    {
        var themes = await _planner.GetFromJsonAsync<JsonElement>(
            "/api/planning/themes" + (region is null ? "" : $"?region={region}"), TrackingApi.Json);

        var open = population.Open.Where(r => region is null || population.ProviderOf(r).Region == region).ToList();
        themes.GetProperty("openRecommendations").GetInt32().ShouldBe(open.Count);
        var listed = themes.GetProperty("themes").EnumerateArray().ToList();
        listed.Select(t => t.GetProperty("standard").GetString()).ShouldBe(PlanningPopulation.Standards, ignoreOrder: true);
        var counts = listed.Select(t => t.GetProperty("open").GetInt32()).ToList();
        counts.ShouldBe(counts.OrderDescending().ToList(), "most common first");
        foreach (var theme in listed)
        {
            var code = theme.GetProperty("standard").GetString()!;
            var linked = open.Where(r => r.LinkedStandards.Contains(code)).ToList();
            theme.GetProperty("open").GetInt32().ShouldBe(linked.Count, code);
            theme.GetProperty("providers").GetInt32().ShouldBe(linked.Select(r => r.ProviderId).Distinct().Count(), code);
        }

        listed.Single(t => t.GetProperty("standard").GetString() == "2.1").GetProperty("name").GetString().ShouldBe("Assessment");
    }

    [Fact]
    public async Task The_csv_export_holds_every_matching_row_with_uk_dates()
    {
        const string query = "region=London&standard=2.2&sort=provider";
        var expected = population.Ordered(population.Open.Where(Matches(query)), "provider");

        var response = await _planner.GetAsync($"/api/planning/outstanding/export.csv?{query}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        (response.Content.Headers.ContentDisposition.FileName ?? "").Trim('"').ShouldBe("outstanding-recommendations-2026-06-15.csv");
        var (headers, lines) = ReadCsv(await response.Content.ReadAsByteArrayAsync());
        headers.ShouldBe([
            "Provider", "Provider id", "Region", "Published", "Number", "Recommendation", "Status", "Standards", "Addressees",
            "Next due", "Overdue", "Days overdue", "Escalated", "Last evidence", "Last progress judgement", "Open actions",
            "Evidence awaiting review", "Recommendation id"]);
        lines.Select(l => Guid.Parse(l["Recommendation id"])).ShouldBe(expected.Select(r => r.RecommendationId));
        for (var i = 0; i < expected.Count; i++)
        {
            var (line, seeded) = (lines[i], expected[i]);
            line["Published"].ShouldBe(seeded.PublishedOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
            line["Next due"].ShouldBe(seeded.NextDueOn?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "");
            line["Last evidence"].ShouldBe(seeded.LastEvidenceOn?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "");
            line["Recommendation"].ShouldBe(seeded.Text);
            line["Standards"].Split("; ").ShouldContain("2.2");
            line["Overdue"].ShouldBe(population.OverdueSince(seeded) is null ? "No" : "Yes");
        }
    }

    [Fact]
    public async Task The_xlsx_export_opens_as_a_workbook_with_every_matching_row()
    {
        const string query = "overdue=true&addressee=Hmpps&sort=daysOverdue";
        var expected = population.Ordered(population.Open.Where(Matches(query)), "daysOverdue");

        var response = await _planner.GetAsync($"/api/planning/outstanding/export.xlsx?{query}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        (response.Content.Headers.ContentDisposition.FileName ?? "").Trim('"').ShouldEndWith(".xlsx");
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var sheet = workbook.Worksheet(1);
        sheet.Cell(1, 1).GetString().ShouldBe("Provider");
        sheet.Cell(1, 18).GetString().ShouldBe("Recommendation id");
        sheet.LastRowUsed().RowNumber().ShouldBe(expected.Count + 1, "one header row and a row per recommendation");
        for (var i = 0; i < expected.Count; i++)
        {
            var row = i + 2;
            var seeded = expected[i];
            Guid.Parse(sheet.Cell(row, 18).GetString()).ShouldBe(seeded.RecommendationId);
            DateOnly.FromDateTime(sheet.Cell(row, 4).GetDateTime()).ShouldBe(seeded.PublishedOn);
            sheet.Cell(row, 4).Style.NumberFormat.Format.ShouldBe("dd/mm/yyyy");
            sheet.Cell(row, 12).GetValue<int>().ShouldBe(PlanningPopulation.Today.DayNumber - population.OverdueSince(seeded)!.Value.DayNumber);
            sheet.Cell(row, 8).GetString().ShouldBe(string.Join("; ", seeded.LinkedStandards));
        }
    }

    private IEnumerable<OutstandingRecommendation> OpenOf(PlannedProvider provider) =>
        population.Open.Where(r => r.ProviderId == provider.ProviderId);

    private void ShouldMatch(JsonElement figures, IReadOnlyList<PlannedProvider> providers, string what, bool perProvider = false)
    {
        var open = providers.SelectMany(OpenOf).ToList();
        var reasonable = open.Count(r => r.LastProgressJudgement is "ReasonableProgress" or "GoodProgress");
        if (!perProvider)
        {
            figures.GetProperty("providers").GetInt32().ShouldBe(providers.Count, what);
        }

        figures.GetProperty("outstanding").GetInt32().ShouldBe(open.Count, what);
        figures.GetProperty("overdue").GetInt32().ShouldBe(open.Count(r => population.OverdueSince(r) is not null), what);
        figures.GetProperty("atLeastReasonableProgress").GetInt32().ShouldBe(reasonable, what);
        figures.GetProperty("reasonableProgressShare").GetDouble().ShouldBe((double)reasonable / open.Count, 0.0001, what);
        figures.GetProperty("oldestOpenPublishedOn").GetString().ShouldBe(
            open.Min(r => r.PublishedOn).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), what);
    }

    /// <summary>The same filter the query string asks for, worked out on the seeded population.</summary>
    private Func<OutstandingRecommendation, bool> Matches(string query)
    {
        var conditions = new List<Func<OutstandingRecommendation, bool>>();
        var status = (string?)null;
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (name, value) = (pair.Split('=')[0], Uri.UnescapeDataString(pair.Split('=')[1]));
            switch (name)
            {
                case "providerId": conditions.Add(r => r.ProviderId == value); break;
                case "region": conditions.Add(r => population.ProviderOf(r).Region == value); break;
                case "standard": conditions.Add(r => r.LinkedStandards.Contains(value)); break;
                case "status": status = value; break;
                case "overdue": conditions.Add(r => (population.OverdueSince(r) is not null) == bool.Parse(value)); break;
                case "addressee": conditions.Add(r => r.Addressees.Contains(value, StringComparer.OrdinalIgnoreCase)); break;
                case "publishedBefore": conditions.Add(r => r.PublishedOn < DateOnly.Parse(value, CultureInfo.InvariantCulture)); break;
                case "publishedAfter": conditions.Add(r => r.PublishedOn > DateOnly.Parse(value, CultureInfo.InvariantCulture)); break;
                case "minAgeDays": conditions.Add(r => r.PublishedOn <= PlanningPopulation.Today.AddDays(-int.Parse(value, CultureInfo.InvariantCulture))); break;
                case "sort": break;
                default: throw new ArgumentException($"No expectation for {name}");
            }
        }

        conditions.Add(status is null ? r => r.Status != RecommendationStatuses.Closed : r => r.Status == status);
        return r => conditions.All(c => c(r));
    }

    private static async Task<JsonElement> Page(HttpClient client, string query, string? after)
    {
        var url = $"/api/planning/outstanding?{query}{(after is null ? "" : $"&after={Uri.EscapeDataString(after)}")}";
        var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{url}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>(TrackingApi.Json);
    }

    private static string? NextCursor(JsonElement page) =>
        page.GetProperty("nextCursor").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextCursor").GetString();

    /// <summary>Every row the list offers for the query, following nextCursor from the start (or from a cursor) to the end.</summary>
    private static async Task<List<JsonElement>> Walk(HttpClient client, string query, string? after = null)
    {
        var rows = new List<JsonElement>();
        var pageSize = query.Contains("pageSize=", StringComparison.Ordinal) ? "" : "&pageSize=200";
        for (var pages = 0; pages < 1_000; pages++)
        {
            var page = await Page(client, query + pageSize, after);
            rows.AddRange(TrackingApi.Items(page));
            after = NextCursor(page);
            if (after is null)
            {
                return rows;
            }
        }

        throw new InvalidOperationException("The list never ended");
    }

    private static List<Guid> Ids(IEnumerable<JsonElement> rows) => [.. rows.Select(r => r.GetProperty("recommendationId").GetGuid())];

    private static (List<string> Headers, List<Dictionary<string, string>> Lines) ReadCsv(byte[] bytes)
    {
        using var csv = CsvReader.Create(bytes, CsvReaderOptions.Default);
        var lines = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            lines.Add(csv.Headers.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => csv.GetString(x.i) ?? ""));
        }

        return ([.. csv.Headers], lines);
    }
}

/// <summary>The embedded deployment keeps its read model in SQLite: the same pages, figures and exports must come out.</summary>
[Collection(HostCollection.Name)]
public sealed class When_planners_query_what_is_outstanding_in_one_process(SqlitePlanningPopulation population)
    : IClassFixture<SqlitePlanningPopulation>
{
    [Theory]
    [InlineData("dueDate")]
    [InlineData("daysOverdue")]
    [InlineData("provider")]
    public async Task Small_pages_in_each_order_hold_every_open_recommendation_once(string sort)
    {
        var planner = population.Host.Planner();
        var ids = new List<Guid>();
        string? after = null;
        for (var pages = 0; pages < 1_000; pages++)
        {
            var url = $"/api/planning/outstanding?sort={sort}&pageSize=7{(after is null ? "" : $"&after={Uri.EscapeDataString(after)}")}";
            var page = await planner.GetFromJsonAsync<JsonElement>(url, TrackingApi.Json);
            ids.AddRange(TrackingApi.Items(page).Select(r => r.GetProperty("recommendationId").GetGuid()));
            after = page.GetProperty("nextCursor").GetString();
            if (after is null)
            {
                break;
            }
        }

        ids.ShouldBe(population.Ordered(population.Open, sort).Select(r => r.RecommendationId));
    }

    [Fact]
    public async Task Regions_themes_and_exports_agree_with_the_population()
    {
        var planner = population.Host.Planner();
        var open = population.Open.ToList();

        var regions = await planner.GetFromJsonAsync<JsonElement>("/api/planning/regions", TrackingApi.Json);
        regions.GetProperty("national").GetProperty("outstanding").GetInt32().ShouldBe(open.Count);
        regions.GetProperty("national").GetProperty("overdue").GetInt32().ShouldBe(open.Count(r => population.OverdueSince(r) is not null));
        var themes = await planner.GetFromJsonAsync<JsonElement>("/api/planning/themes?region=London", TrackingApi.Json);
        var inLondon = open.Where(r => population.ProviderOf(r).Region == "London").ToList();
        themes.GetProperty("themes").EnumerateArray().Single(t => t.GetProperty("standard").GetString() == "2.1")
            .GetProperty("open").GetInt32().ShouldBe(inLondon.Count(r => r.LinkedStandards.Contains("2.1")));

        var csv = await planner.GetByteArrayAsync("/api/planning/outstanding/export.csv?standard=2.4&addressee=Hmpps");
        using var reader = CsvReader.Create(csv, CsvReaderOptions.Default);
        var lines = 0;
        while (reader.Read())
        {
            lines++;
        }

        lines.ShouldBe(open.Count(r => r.LinkedStandards.Contains("2.4") && r.Addressees.Contains("Hmpps")));
        using var workbook = new XLWorkbook(new MemoryStream(await planner.GetByteArrayAsync("/api/planning/outstanding/export.xlsx")));
        workbook.Worksheet(1).LastRowUsed().RowNumber().ShouldBe(open.Count + 1);
    }
}
