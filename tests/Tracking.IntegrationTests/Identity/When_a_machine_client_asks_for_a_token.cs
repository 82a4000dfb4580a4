using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Tracking.IntegrationTests.Infrastructure;

namespace Tracking.IntegrationTests.Identity;

/// <summary>
/// Client credentials for configured machine clients (a provider's case system): the token carries only the scopes
/// the client may have, reaches only what those scopes allow, and only its own provider's data.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class When_a_machine_client_asks_for_a_token : IAsyncLifetime
{
    private const string Secret = "case-system-secret-for-tests";
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
            ["Tracking:Identity:Clients:northumbria-cases:Secret"] = Secret,
            ["Tracking:Identity:Clients:northumbria-cases:Scopes"] = "tracking-read",
            ["Tracking:Identity:Clients:northumbria-cases:ProviderId"] = "northumbria-crc",
            ["Tracking:Identity:Clients:other-cases:Secret"] = Secret,
            ["Tracking:Identity:Clients:other-cases:Scopes"] = "tracking-read, tracking-write",
            ["Tracking:Identity:Clients:other-cases:ProviderId"] = "other-crc",
        });
        _ = Host.Server;
    }

    public Task DisposeAsync() => Teardown.All(_host, _vhost, _database);

    [Fact]
    public async Task A_read_only_client_reads_its_own_provider_and_can_write_nothing()
    {
        var token = await Token("northumbria-cases", "tracking-api tracking-read");
        var claims = new JwtSecurityTokenHandler().ReadJwtToken(token).Claims.ToList();
        claims.Single(c => c.Type == "provider_id").Value.ShouldBe("northumbria-crc");
        claims.Single(c => c.Type == "aud").Value.ShouldBe("tracking-api");
        var api = Api(token);

        var recommendations = await api.GetFromJsonAsync<List<JsonElement>>("/api/recommendations?providerId=northumbria-crc");
        recommendations!.ShouldNotBeEmpty();
        recommendations.ShouldAllBe(r => r.GetProperty("provider").GetProperty("id").GetString() == "northumbria-crc");
        var respond = await api.PutAsJsonAsync($"/api/recommendations/{recommendations[0].GetProperty("id").GetGuid()}/response",
            new { response = "Agreed", rationale = "We agree." });
        respond.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await api.GetAsync("/api/people")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_scope_the_client_was_not_given_is_refused_at_the_token_endpoint()
    {
        var response = await TokenResponse("northumbria-cases", Secret, "tracking-api tracking-write");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("not allowed to use the specified scope");
        (await TokenResponse("northumbria-cases", "not-the-secret-at-all", "tracking-api tracking-read")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Another_providers_client_sees_none_of_northumbria_even_with_write_scope()
    {
        var api = Api(await Token("other-cases", "tracking-api tracking-read tracking-write"));

        (await api.GetFromJsonAsync<List<JsonElement>>("/api/recommendations?providerId=northumbria-crc"))!.ShouldBeEmpty();
        (await api.GetFromJsonAsync<List<JsonElement>>("/api/recommendations"))!.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_token_asked_for_with_read_scope_only_cannot_write_although_the_client_may()
    {
        var api = Api(await Token("other-cases", "tracking-api tracking-read"));

        var respond = await api.PutAsJsonAsync($"/api/recommendations/{Guid.NewGuid()}/response", new { response = "Agreed", rationale = "We agree." });

        respond.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private async Task<string> Token(string clientId, string scope)
    {
        var response = await TokenResponse(clientId, Secret, scope);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    private Task<HttpResponseMessage> TokenResponse(string clientId, string secret, string scope) =>
        Host.CreateClient().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret, ["scope"] = scope,
        }));

    private HttpClient Api(string token)
    {
        var api = Host.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return api;
    }
}
