using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tracking.Identity.Data;
using Tracking.IntegrationTests.Infrastructure;

namespace Tracking.IntegrationTests.Identity;

/// <summary>The portal's sign-in, end to end on PostgreSQL and RabbitMQ: code + PKCE, a token the API accepts, refresh.</summary>
[Collection(HostCollection.Name)]
public sealed class When_a_person_signs_in_through_the_portal_client : IAsyncLifetime
{
    private const string ClientSecret = "portal-secret-for-tests";
    private TestDatabase? _database;
    private TestVirtualHost? _vhost;
    private TrackingHost? _host;

    private TrackingHost Host => _host!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.Create();
        _vhost = await TestVirtualHost.Create();
        _host = TrackingHost.Distributed("recommendations,identity", _database, _vhost, extra: new Dictionary<string, string?>
        {
            ["Tracking:SeedDemoData"] = "true",
            ["Tracking:Web:ClientSecret"] = ClientSecret,
        });
        _ = Host.Server;
    }

    public Task DisposeAsync() => Teardown.All(_host, _vhost, _database);

    [Fact]
    public async Task The_demo_inspector_gets_an_access_token_the_recommendations_api_accepts()
    {
        var portal = new BrowserlessSignIn(Host, ClientSecret);

        var (code, verifier) = await portal.Code("inspector@demo.tracking.test", "Demo-Passw0rd!");
        var tokens = await portal.Redeem(code, verifier);

        var accessToken = tokens.GetProperty("access_token").GetString()!;
        var claims = new JwtSecurityTokenHandler().ReadJwtToken(accessToken).Claims.ToList();
        claims.Single(c => c.Type == "role").Value.ShouldBe("inspector");
        claims.Single(c => c.Type == "name").Value.ShouldBe("Helen Ward");
        claims.Single(c => c.Type == "email").Value.ShouldBe("inspector@demo.tracking.test");
        claims.Single(c => c.Type == "aud").Value.ShouldBe("tracking-api");
        var idClaims = new JwtSecurityTokenHandler().ReadJwtToken(tokens.GetProperty("id_token").GetString()).Claims.ToList();
        idClaims.Single(c => c.Type == "name").Value.ShouldBe("Helen Ward");
        (await Recommendations(accessToken)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Each_demo_person_is_announced_once_as_activated_with_their_sub_as_person_id()
    {
        var (people, events) = await Host.Query(async sp =>
        {
            var db = sp.GetRequiredService<PeopleDbContext>();
            var people = await db.People.AsNoTracking().ToDictionaryAsync(p => p.Email!, p => p.Id);
            var bodies = await db.Outbox.AsNoTracking().Where(m => m.MessageType.EndsWith(".PersonActivated")).Select(m => m.Body).ToListAsync();
            return (people, bodies.Select(b => JsonDocument.Parse(b).RootElement).ToList());
        });

        events.Select(e => e.GetProperty("email").GetString()).ShouldBe(
            ["inspector@demo.tracking.test", "manager@demo.tracking.test", "planner@demo.tracking.test", "admin@demo.tracking.test"], ignoreOrder: true);
        foreach (var activated in events)
        {
            activated.GetProperty("personId").GetGuid().ToString().ShouldBe(people[activated.GetProperty("email").GetString()!]);
        }

        events.Single(e => e.GetProperty("role").GetString() == "provider-manager").GetProperty("providerId").GetString().ShouldBe("northumbria-crc");
    }

    [Fact]
    public async Task A_provider_manager_token_names_their_provider()
    {
        var portal = new BrowserlessSignIn(Host, ClientSecret);

        var (code, verifier) = await portal.Code("manager@demo.tracking.test", "Demo-Passw0rd!");
        var tokens = await portal.Redeem(code, verifier);

        var claims = new JwtSecurityTokenHandler().ReadJwtToken(tokens.GetProperty("access_token").GetString()).Claims.ToList();
        claims.Single(c => c.Type == "role").Value.ShouldBe("provider-manager");
        claims.Single(c => c.Type == "provider_id").Value.ShouldBe("northumbria-crc");
        (await Recommendations(tokens.GetProperty("access_token").GetString()!, "?providerId=northumbria-crc")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_refresh_token_gets_a_new_access_token_that_works()
    {
        var portal = new BrowserlessSignIn(Host, ClientSecret);
        var (code, verifier) = await portal.Code("planner@demo.tracking.test", "Demo-Passw0rd!");
        var first = await portal.Redeem(code, verifier);

        var refreshed = await portal.Refresh(first.GetProperty("refresh_token").GetString()!);

        refreshed.StatusCode.ShouldBe(HttpStatusCode.OK, await refreshed.Content.ReadAsStringAsync());
        var body = System.Text.Json.JsonDocument.Parse(await refreshed.Content.ReadAsStringAsync()).RootElement;
        var accessToken = body.GetProperty("access_token").GetString()!;
        accessToken.ShouldNotBe(first.GetProperty("access_token").GetString());
        (await Recommendations(accessToken)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_wrong_password_shows_the_error_and_issues_no_code()
    {
        var portal = new BrowserlessSignIn(Host, ClientSecret);

        var response = await portal.PostForm("/account/sign-in", new() { ["Email"] = "inspector@demo.tracking.test", ["Password"] = "wrong" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.Content.ReadAsStringAsync();
        page.ShouldContain("govuk-error-summary");
        page.ShouldContain("Enter a correct email address and password");
        page.ShouldContain("<title>Error: Sign in");
    }

    private async Task<HttpStatusCode> Recommendations(string accessToken, string query = "")
    {
        var api = Host.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return (await api.GetAsync($"/api/recommendations{query}")).StatusCode;
    }
}
