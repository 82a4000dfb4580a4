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
        await Host.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataFolder))
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
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
        Row("GET /api/planning/outstanding", ok, ok, ok, ok);
        Row("GET /api/planning/providers/{provider}/summary", ok, ok, ok, missing);
        Row("GET /hangfire", ok, ok, forbidden, forbidden);
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

        var client = world.As(who);
        var response = method == "GET"
            ? await client.GetAsync(path)
            : await client.PostAsJsonAsync<object>(path, path.EndsWith("/publish") ? new { } : NewInspection(), TrackingApi.Json);

        response.StatusCode.ShouldBe(expected, $"{who} {route}: {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task A_provider_manager_sees_nothing_of_another_provider()
    {
        var other = world.As("manager-other");

        var recommendations = await other.GetFromJsonAsync<List<JsonElement>>("/api/recommendations", TrackingApi.Json);
        var asked = await other.GetFromJsonAsync<List<JsonElement>>($"/api/recommendations?providerId={NorthumbriaDemo.ProviderId}", TrackingApi.Json);
        var outstanding = await other.GetFromJsonAsync<List<JsonElement>>("/api/planning/outstanding", TrackingApi.Json);
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

    private async Task<Guid> RecordDraft()
    {
        var response = await world.Host.Inspector().PostAsJsonAsync("/api/inspections", NewInspection(), TrackingApi.Json);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static Recommendations.Features.RecordInspection.RecordInspectionRequest NewInspection() =>
        NorthumbriaDemo.Inspection() with { Provider = new("draft-crc", "Draft CRC", "London") };
}
