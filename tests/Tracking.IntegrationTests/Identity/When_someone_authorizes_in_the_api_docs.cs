using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Tracking.IntegrationTests.Infrastructure;

namespace Tracking.IntegrationTests.Identity;

/// <summary>
/// The API docs page's "Authorize" button: the page is set up for the public docs client, and that client's code +
/// PKCE flow, driven over HTTP as the page's sign-in window would, ends with a token the API accepts. The client can
/// do nothing else: no other redirect URI, no code without PKCE, no refresh, no client credentials.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class When_someone_authorizes_in_the_api_docs : IAsyncLifetime
{
    private const string ClientId = "tracking-docs";
    private const string DocsPage = "http://localhost/scalar/";
    private TestDatabase? _database;
    private TestVirtualHost? _vhost;
    private TrackingHost? _host;

    private TrackingHost Host => _host!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.Create();
        _vhost = await TestVirtualHost.Create();
        _host = TrackingHost.Distributed("identity", _database, _vhost, extra: new Dictionary<string, string?>
        {
            ["Tracking:SeedDemoData"] = "true",
        });
        _ = Host.Server;
    }

    public Task DisposeAsync() => Teardown.All(_host, _vhost, _database);

    [Fact]
    public async Task The_docs_client_signs_the_demo_inspector_in_with_code_and_pkce_and_can_do_nothing_else()
    {
        using var plain = Host.Server.CreateClient();
        var page = await plain.GetStringAsync("/scalar/");
        page.ShouldContain(ClientId, customMessage: "the docs page is set up for the docs client");
        page.ShouldContain(DocsPage, customMessage: "the code comes back to the docs page itself");
        var document = JsonDocument.Parse(await Host.OpenApiDocument()).RootElement;
        var flow = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("OAuth2").GetProperty("flows").GetProperty("authorizationCode");
        flow.GetProperty("authorizationUrl").GetString().ShouldBe("/connect/authorize");
        flow.GetProperty("tokenUrl").GetString().ShouldBe("/connect/token");

        var docs = new BrowserlessSignIn(Host, clientSecret: null, ClientId, DocsPage, scopes: "tracking-api");
        var (code, verifier) = await docs.Code("inspector@demo.tracking.test", "Demo-Passw0rd!");
        (await TokenError(docs, new() { ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = DocsPage, ["code_verifier"] = verifier + "x" }))
            .ShouldBe("invalid_grant", "a code is worth nothing without its own verifier");
        (var again, verifier) = BrowserlessSignIn.Authorization(ClientId, DocsPage, "tracking-api");
        var tokens = await docs.Redeem(await docs.CodeAt(new Uri(new Uri("http://localhost"), again)), verifier);

        tokens.TryGetProperty("refresh_token", out _).ShouldBeFalse("the docs page gets no refresh token");
        var accessToken = tokens.GetProperty("access_token").GetString()!;
        var claims = new JwtSecurityTokenHandler().ReadJwtToken(accessToken).Claims.ToList();
        claims.Single(c => c.Type == "aud").Value.ShouldBe("tracking-api");
        claims.Single(c => c.Type == "role").Value.ShouldBe("inspector");
        using var api = Host.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        var me = await api.GetFromJsonAsync<JsonElement>("/api/me");
        me.GetProperty("name").GetString().ShouldBe("Helen Ward", "the API reads who signed in from the docs' token");

        // Signed in already, so only the client's limits stand between these requests and a code.
        await NoCode(docs, BrowserlessSignIn.Authorization(ClientId, "http://localhost/elsewhere/", "tracking-api").Url, "to a page the client did not register");
        await NoCode(docs, QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = ClientId, ["response_type"] = "code", ["redirect_uri"] = DocsPage, ["scope"] = "tracking-api", ["state"] = "state-1",
        }), "without a PKCE challenge");
        await NoCode(docs, BrowserlessSignIn.Authorization(ClientId, DocsPage, "tracking-api offline_access").Url, "for a refresh token");
        (await TokenError(docs, new() { ["grant_type"] = "client_credentials", ["scope"] = "tracking-api" })).ShouldBe("invalid_request", "a public client may not use client credentials");
    }

    /// <summary>The identity service answers with an error page: nothing goes back to the docs page, least of all a code.</summary>
    private static async Task NoCode(BrowserlessSignIn docs, string authorize, string why)
    {
        var response = await docs.Get(authorize);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, $"no code {why}");
        response.Headers.Location.ShouldBeNull();
    }

    private static async Task<string?> TokenError(BrowserlessSignIn client, Dictionary<string, string> form)
    {
        var response = await client.TokenResponse(form);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("error").GetString();
    }
}
