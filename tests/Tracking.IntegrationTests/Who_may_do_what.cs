using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;
using Tracking.IntegrationTests.Infrastructure;
using Tracking.Recommendations.Demo;
using Tracking.ServiceDefaults.Security;

namespace Tracking.IntegrationTests;

/// <summary>
/// One embedded server with two providers' published inspections: Northumbria CRC (the demo) and another CRC.
/// Everything goes through the real pipeline with real tokens; nothing about authentication is bypassed.
/// </summary>
public sealed class TwoProvidersFixture : IAsyncLifetime
{
    public const string OtherProvider = "other-crc";

    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "tracking-tests", Guid.NewGuid().ToString("N"));

    public TrackingHost Host { get; private set; } = null!;

    public Guid NorthumbriaInspection { get; private set; }

    public Guid NorthumbriaRecommendation { get; private set; }

    public Guid OtherInspection { get; private set; }

    public async Task InitializeAsync()
    {
        Host = TrackingHost.Embedded(_dataFolder);
        var inspector = Host.Inspector();
        NorthumbriaInspection = await TrackingApi.RecordAndPublishNorthumbria(inspector);
        OtherInspection = await TrackingApi.RecordAndPublishNorthumbria(inspector, NorthumbriaDemo.Inspection() with
        {
            Provider = new(OtherProvider, "Other Community Rehabilitation Company", "Wales"),
        });
        var planner = Host.Planner();
        await Eventually.Get(() => TrackingApi.Outstanding(planner, OtherProvider), rows => rows.Count == 8, because: "the other provider in planning");
        var northumbria = await Eventually.Get(
            () => TrackingApi.Outstanding(planner, NorthumbriaDemo.ProviderId), rows => rows.Count == 8, because: "Northumbria in planning");
        NorthumbriaRecommendation = northumbria[0].GetProperty("recommendationId").GetGuid();
    }

    /// <summary>Recommendations of a published Northumbria inspection that no test has touched yet.</summary>
    private readonly Queue<Guid> _untouched = new();

    /// <summary>
    /// Takes a recommendation no test has touched part-way through its follow-up: responded, then (as far as asked) an
    /// action planned, evidence submitted with a file and a revision of the action's date requested. A Northumbria
    /// inspection is published only when the last one's eight are used up: publishing is most of the cost, and the
    /// drills ask for hundreds.
    /// </summary>
    public async Task<Dictionary<string, string>> RecommendationInFlight(InFlight upTo = InFlight.RevisionRequested)
    {
        var inspector = Host.Inspector();
        var manager = As("manager-own");
        if (_untouched.Count == 0)
        {
            var inspection = await TrackingApi.RecordAndPublishNorthumbria(inspector);
            foreach (var recommendation in (await inspector.GetFromJsonAsync<JsonElement>($"/api/inspections/{inspection}"))
                         .GetProperty("recommendations").EnumerateArray())
            {
                _untouched.Enqueue(recommendation.GetProperty("id").GetGuid());
            }
        }

        var id = _untouched.Dequeue();
        var today = DateTime.UtcNow;
        (await manager.PutAsJsonAsync($"/api/recommendations/{id}/response",
            new { response = "Agreed", targetDate = today.AddDays(200).ToString("yyyy-MM-dd") }, TrackingApi.Json)).EnsureSuccessStatusCode();
        if (upTo == InFlight.Responded)
        {
            return new() { ["fresh"] = id.ToString() };
        }

        var action = await Created(manager.PostAsJsonAsync($"/api/recommendations/{id}/actions",
            new { description = "Train staff", owner = new { name = "Jo Bloggs", email = "jo@example.org" }, targetDate = today.AddDays(30).ToString("yyyy-MM-dd") }, TrackingApi.Json));
        if (upTo == InFlight.ActionPlanned)
        {
            return new() { ["fresh"] = id.ToString(), ["action"] = action.ToString() };
        }

        var evidence = await Created(manager.PostAsync($"/api/recommendations/{id}/evidence", EvidenceForm()));
        var detail = await inspector.GetFromJsonAsync<JsonElement>($"/api/recommendations/{id}");
        var file = detail.GetProperty("evidence")[0].GetProperty("files")[0].GetProperty("id").GetGuid();
        var revision = await Created(manager.PostAsJsonAsync($"/api/recommendations/{id}/target-date-revisions",
            new { actionId = action, requestedDate = today.AddDays(60).ToString("yyyy-MM-dd"), reason = "Trainer ill." }, TrackingApi.Json));
        return new()
        {
            ["fresh"] = id.ToString(), ["action"] = action.ToString(), ["evidence"] = evidence.ToString(),
            ["file"] = file.ToString(), ["revision"] = revision.ToString(),
        };
    }

    /// <summary>A live reinspection plan for Northumbria, made by a planner.</summary>
    public async Task<Guid> PlannedReinspection()
    {
        var response = await Host.Planner().PostAsJsonAsync("/api/planning/reinspections",
            new { providerId = NorthumbriaDemo.ProviderId, plannedOn = DateTime.UtcNow.AddDays(60).ToString("yyyy-MM-dd"), kind = "FullInspection", freeze = false },
            TrackingApi.Json);
        return await Created(Task.FromResult(response));
    }

    /// <summary>A Northumbria inspection published today, whose follow-up review is months away and can still be moved.</summary>
    public async Task<Guid> ScheduledFollowUpReview()
    {
        var inspector = Host.Inspector();
        var recorded = await inspector.PostAsJsonAsync("/api/inspections", NorthumbriaDemo.Inspection(), TrackingApi.Json);
        var inspection = (await recorded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await inspector.PostAsJsonAsync($"/api/inspections/{inspection}/publish", new { })).EnsureSuccessStatusCode();
        var review = await Eventually.Get(
            async () => (await Host.Planner().GetFromJsonAsync<JsonElement>($"/api/schedule?providerId={NorthumbriaDemo.ProviderId}"))
                .GetProperty("followUpReviews").EnumerateArray()
                .FirstOrDefault(r => r.GetProperty("inspectionId").GetGuid() == inspection),
            r => r.ValueKind == JsonValueKind.Object, because: "scheduling to plan the follow-up review");
        review.GetProperty("status").GetString().ShouldBe("Scheduled");
        return review.GetProperty("id").GetGuid();
    }

    /// <summary>A webhook endpoint of Northumbria's, registered by its manager (a public documentation address: never reached).</summary>
    public async Task<Guid> NorthumbriaWebhook() => await Created(As("manager-own").PostAsJsonAsync("/api/webhooks",
        new { url = "https://203.0.113.10/hooks", eventTypes = new[] { "follow-up-review.due" } }, TrackingApi.Json));

    public static MultipartFormDataContent EvidenceForm()
    {
        var pdf = new ByteArrayContent("%PDF-1.4\n% training register\n%%EOF\n"u8.ToArray());
        pdf.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        return new MultipartFormDataContent
        {
            { new StringContent("Training register for the first cohort."), "narrative" },
            { new StringContent(DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd")), "effectiveDate" },
            { pdf, "files", "register.pdf" },
        };
    }

    private static async Task<Guid> Created(Task<HttpResponseMessage> sending)
    {
        var response = await sending;
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return Guid.Parse(response.Headers.Location!.ToString().Split('/').Last());
    }

    public HttpClient As(string who) => who switch
    {
        "inspector" => Host.Inspector(),
        "planner" => Host.Planner(),
        "manager-own" => Host.ClientAs(TrackingRoles.ProviderManager, NorthumbriaDemo.ProviderId),
        "manager-other" => Host.ClientAs(TrackingRoles.ProviderManager, OtherProvider),
        "anonymous" => Host.CreateClient(),
        _ => throw new ArgumentOutOfRangeException(nameof(who)),
    };

    public async Task DisposeAsync()
    {
        await Teardown.All(Host, Teardown.SqliteFolder(_dataFolder));
    }
}

[Collection(HostCollection.Name)]
public sealed class Who_may_do_what(TwoProvidersFixture world) : IClassFixture<TwoProvidersFixture>
{
    /// <summary>
    /// The authorisation table of issue 3 for every route that exists, from the point of view of Northumbria's data:
    /// "manager-own" acts for Northumbria CRC, "manager-other" for another provider. Later issues add rows.
    /// </summary>
    public static TheoryData<string, string, HttpStatusCode> Matrix()
    {
        var rows = new TheoryData<string, string, HttpStatusCode>();
        void Row(string route, HttpStatusCode inspector, HttpStatusCode planner, HttpStatusCode own, HttpStatusCode other)
        {
            rows.Add(route, "inspector", inspector);
            rows.Add(route, "planner", planner);
            rows.Add(route, "manager-own", own);
            rows.Add(route, "manager-other", other);
            rows.Add(route, "anonymous", HttpStatusCode.Unauthorized);
        }

        const HttpStatusCode ok = HttpStatusCode.OK, created = HttpStatusCode.Created, forbidden = HttpStatusCode.Forbidden,
            missing = HttpStatusCode.NotFound;
        Row("POST /api/inspections", created, forbidden, forbidden, forbidden);
        Row("POST /api/inspections/{draft}/publish", ok, forbidden, forbidden, forbidden);
        Row("GET /api/inspections/{inspection}", ok, ok, ok, missing);
        Row("GET /api/recommendations", ok, ok, ok, ok);
        Row("GET /api/recommendations/{recommendation}", ok, ok, ok, missing);
        Row("GET /api/inspections", ok, ok, ok, ok);
        Row("GET /api/recommendations/work-queues", ok, ok, ok, ok);
        Row("GET /api/planning/outstanding", ok, ok, ok, ok);
        Row("GET /api/planning/providers/{provider}/summary", ok, ok, ok, missing);
        Row("GET /hangfire", ok, ok, forbidden, forbidden);
        Row("GET /api/recommendations/{recommendation}/history", ok, ok, ok, missing);
        Row("PUT /api/recommendations/{fresh}/response", forbidden, forbidden, ok, missing);
        Row("POST /api/recommendations/{fresh}/response/acceptance", ok, forbidden, forbidden, forbidden);
        Row("POST /api/recommendations/{fresh}/actions", forbidden, forbidden, created, missing);
        Row("POST /api/recommendations/{fresh}/actions/{action}/completion", forbidden, forbidden, ok, missing);
        Row("POST /api/recommendations/{fresh}/evidence", forbidden, forbidden, created, missing);
        Row("GET /api/recommendations/{fresh}/evidence/{evidence}/files/{file}", ok, forbidden, ok, missing);
        Row("POST /api/recommendations/{fresh}/evidence/{evidence}/review", ok, forbidden, forbidden, forbidden);
        Row("POST /api/recommendations/{fresh}/target-date-revisions", forbidden, forbidden, created, missing);
        Row("POST /api/recommendations/{fresh}/target-date-revisions/{revision}/decision", ok, forbidden, forbidden, forbidden);
        Row("POST /api/recommendations/{fresh}/close", ok, forbidden, forbidden, forbidden);
        Row("GET /api/schedule?providerId={provider}", ok, ok, ok, ok);
        Row("GET /api/schedule/calendar.ics?providerId={provider}", ok, ok, ok, ok);
        Row("PUT /api/schedule/follow-up-reviews/{review}", forbidden, ok, forbidden, forbidden);
        Row("POST /api/schedule/follow-up-reviews/{review}/cancellation", forbidden, ok, forbidden, forbidden);
        Row("POST /api/schedule/calendar-feed", created, created, created, created);
        Row("GET /api/planning/regions", ok, ok, ok, ok);
        Row("GET /api/planning/regions/North%20East", ok, ok, ok, missing);
        Row("GET /api/planning/themes", ok, ok, ok, ok);
        Row("GET /api/planning/outstanding/export.csv", ok, ok, ok, ok);
        Row("GET /api/planning/outstanding/export.xlsx", ok, ok, ok, ok);
        Row("POST /api/planning/reinspections", created, created, forbidden, forbidden);
        Row("GET /api/planning/reinspections/{plan}", ok, ok, ok, missing);
        Row("GET /api/planning/reinspections/{plan}/checklist.csv", ok, ok, ok, missing);
        Row("PUT /api/planning/reinspections/{plan}", ok, ok, forbidden, forbidden);
        Row("POST /api/planning/reinspections/{plan}/cancellation", ok, ok, forbidden, forbidden);
        Row("GET /api/webhooks", ok, forbidden, ok, ok);
        Row("GET /api/webhooks/{webhook}", ok, forbidden, ok, missing);
        Row("GET /api/notifications/update-rounds", ok, forbidden, forbidden, forbidden);
        Row("POST /api/notifications/update-rounds", created, forbidden, forbidden, forbidden);
        return rows;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_gets_the_answer_the_table_gives(string route, string who, HttpStatusCode expected)
    {
        var (method, template) = (route.Split(' ')[0], route.Split(' ')[1]);
        var path = template
            .Replace("{inspection}", world.NorthumbriaInspection.ToString())
            .Replace("{recommendation}", world.NorthumbriaRecommendation.ToString())
            .Replace("{provider}", NorthumbriaDemo.ProviderId);
        if (path.Contains("{draft}"))
        {
            path = path.Replace("{draft}", (await RecordDraft()).ToString());
        }

        if (path.Contains("{fresh}"))
        {
            // A recommendation of Northumbria's in mid-flight: responded, one action, evidence with a file awaiting review,
            // a revision awaiting a decision. Each row gets its own so one row's change cannot decide another's answer.
            foreach (var (name, value) in await world.RecommendationInFlight())
            {
                path = path.Replace($"{{{name}}}", value);
            }
        }

        if (path.Contains("{plan}"))
        {
            path = path.Replace("{plan}", (await world.PlannedReinspection()).ToString());
        }

        if (path.Contains("{webhook}"))
        {
            path = path.Replace("{webhook}", (await world.NorthumbriaWebhook()).ToString());
        }

        if (path.Contains("{review}"))
        {
            path = path.Replace("{review}", (await world.ScheduledFollowUpReview()).ToString());
        }

        var client = world.As(who);
        var response = (method, path) switch
        {
            ("GET", _) => await client.GetAsync(path),
            ("PUT", var p) when p.Contains("/reinspections/") =>
                await client.PutAsJsonAsync(path, new { plannedOn = DateTime.UtcNow.AddDays(120).ToString("yyyy-MM-dd") }, TrackingApi.Json),
            ("PUT", var p) when p.Contains("/follow-up-reviews/") =>
                await client.PutAsJsonAsync(path, new { dueOn = DateTime.UtcNow.AddDays(300).ToString("yyyy-MM-dd") }, TrackingApi.Json),
            ("PUT", _) => await client.PutAsJsonAsync(path, new { response = "PartlyAgreed", rationale = "Staffing limits the pace." }, TrackingApi.Json),
            (_, var p) when p.EndsWith("/evidence") => await client.PostAsync(path, TwoProvidersFixture.EvidenceForm()),
            (_, var p) => await client.PostAsJsonAsync<object>(path, BodyFor(p), TrackingApi.Json),
        };

        response.StatusCode.ShouldBe(expected, $"{who} {route}: {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task A_provider_manager_sees_nothing_of_another_provider()
    {
        var other = world.As("manager-other");

        var recommendations = await other.GetFromJsonAsync<List<JsonElement>>("/api/recommendations", TrackingApi.Json);
        var asked = await other.GetFromJsonAsync<List<JsonElement>>($"/api/recommendations?providerId={NorthumbriaDemo.ProviderId}", TrackingApi.Json);
        var outstanding = TrackingApi.Items(await other.GetFromJsonAsync<JsonElement>("/api/planning/outstanding", TrackingApi.Json));
        var byProvider = await TrackingApi.Outstanding(other, NorthumbriaDemo.ProviderId);

        recommendations!.Count.ShouldBe(8);
        recommendations.ShouldAllBe(r => r.GetProperty("provider").GetProperty("id").GetString() == TwoProvidersFixture.OtherProvider);
        asked!.ShouldBeEmpty();
        outstanding!.Count.ShouldBe(8);
        outstanding.ShouldAllBe(r => r.GetProperty("provider").GetProperty("id").GetString() == TwoProvidersFixture.OtherProvider);
        byProvider.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_inspection_records_who_recorded_and_published_it_from_the_token()
    {
        var inspection = await world.Host.Inspector().GetFromJsonAsync<JsonElement>($"/api/inspections/{world.NorthumbriaInspection}");

        inspection.GetProperty("recordedBy").GetString().ShouldBe("test-inspector");
        inspection.GetProperty("publishedBy").GetString().ShouldBe("test-inspector");
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("expired")]
    [InlineData("wrongly-signed")]
    [InlineData("wrong-audience")]
    [InlineData("wrong-issuer")]
    [InlineData("garbage")]
    public async Task A_bad_token_is_a_401(string problem)
    {
        var auth = world.Host.Services.GetRequiredService<AuthSettings>();
        var rightKey = world.Host.Services.GetRequiredService<TokenIssuer>();
        var otherKey = new SymmetricSecurityKey(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var twoHoursAgo = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(-2));
        var token = problem switch
        {
            "missing" => null,
            "expired" => new TokenIssuer(auth, SameKey(), twoHoursAgo).Mint(TrackingRoles.Inspector, lifetime: TimeSpan.FromHours(1)),
            "wrongly-signed" => new TokenIssuer(auth, otherKey, TimeProvider.System).Mint(TrackingRoles.Inspector),
            "wrong-audience" => new TokenIssuer(auth with { Audience = "someone-else" }, SameKey(), TimeProvider.System).Mint(TrackingRoles.Inspector),
            "wrong-issuer" => new TokenIssuer(auth with { Issuer = "elsewhere" }, SameKey(), TimeProvider.System).Mint(TrackingRoles.Inspector),
            _ => "not.a.token",
        };
        rightKey.Mint(TrackingRoles.Inspector).ShouldNotBeNullOrEmpty();
        var client = world.Host.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        var response = await client.GetAsync("/api/recommendations");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().ShouldStartWith("Bearer");

        SymmetricSecurityKey SameKey() => LocalSigningKey.Load(auth, world.Host.Services
            .GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()["Tracking:DataFolder"]!);
    }

    [Fact]
    public void Every_endpoint_has_a_policy_or_is_explicitly_anonymous()
    {
        var endpoints = world.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        var unmarked = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null
                        && !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Policy) || !string.IsNullOrEmpty(a.Roles)))
            .Select(e => e.RoutePattern.RawText)
            .ToList();

        endpoints.Count.ShouldBeGreaterThan(10);
        unmarked.ShouldBeEmpty($"these endpoints have neither an authorisation policy nor an explicit anonymous marker: {string.Join(", ", unmarked)}");
    }

    [Fact]
    public async Task Responses_carry_security_headers_and_no_cross_origin_permission()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/recommendations");
        request.Headers.Add("Origin", "https://evil.example");
        var client = world.Host.Inspector();

        var response = await client.SendAsync(request);

        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.GetValues("X-Frame-Options").ShouldBe(["DENY"]);
        response.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("default-src 'none'");
    }

    private object BodyFor(string path) => path.Split('/').Last() switch
    {
        "inspections" => NewInspection(),
        "actions" => new { description = "Audit home visits", owner = new { name = "Jo Bloggs", email = "jo@example.org" }, targetDate = DateTime.UtcNow.AddDays(40).ToString("yyyy-MM-dd") },
        "review" => new { outcome = "Accepted", comment = "Convincing.", progressJudgement = "GoodProgress" },
        "target-date-revisions" => new { requestedDate = DateTime.UtcNow.AddDays(300).ToString("yyyy-MM-dd"), reason = "Supplier delay." },
        "decision" => new { decision = "Approved", comment = "Reasonable." },
        "close" => new { closedAs = "Implemented", comment = "Verified." },
        "acceptance" => new { comment = "Credible plan." },
        "reinspections" => new { providerId = NorthumbriaDemo.ProviderId, plannedOn = DateTime.UtcNow.AddDays(90).ToString("yyyy-MM-dd"), kind = "FollowUpReview", freeze = false },
        _ => new { },
    };

    private async Task<Guid> RecordDraft()
    {
        var response = await world.Host.Inspector().PostAsJsonAsync("/api/inspections", NewInspection(), TrackingApi.Json);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static Recommendations.Features.RecordInspection.RecordInspectionRequest NewInspection() =>
        NorthumbriaDemo.Inspection() with { Provider = new("draft-crc", "Draft CRC", "London") };
}

/// <summary>How far <see cref="TwoProvidersFixture.RecommendationInFlight"/> takes a recommendation.</summary>
public enum InFlight
{
    Responded,
    ActionPlanned,
    RevisionRequested,
}
