using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using Tracking.IntegrationTests.Infrastructure;

namespace Tracking.IntegrationTests.Identity;

/// <summary>
/// Signing-key rotation as the README tells an operator to do it, seen through discovery: the API here trusts only
/// its authority's discovery document and JWKS. First the next key is published beside the signing one; after the
/// restart that swaps them, the old key is still published, so a token signed before the rotation keeps working.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class When_the_signing_key_is_rotated : IAsyncLifetime
{
    private const string Secret = "rotation-cases-secret-for-tests";
    private readonly int _port = FreePort();
    private readonly string _oldKey = NewKey();
    private readonly string _newKey = NewKey();
    private TestDatabase? _database;
    private TestVirtualHost? _vhost;
    private TrackingHost? _host;

    private Uri Address => new($"http://localhost:{_port}/");

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.Create();
        _vhost = await TestVirtualHost.Create();
    }

    public Task DisposeAsync() => Teardown.All(_host, _vhost, _database);

    [Fact]
    public async Task The_jwks_lists_both_keys_and_a_token_signed_before_the_rotation_is_accepted_after_it()
    {
        Start(new() { ["Tracking:Identity:SigningKey"] = _oldKey, ["Tracking:Identity:NextSigningKey"] = _newKey });
        var before = await PublishedKeyIds();
        before.Count.ShouldBe(2, "the signing key and the next one");
        var oldToken = await Token();
        var oldKeyId = KeyId(oldToken);
        before.ShouldContain(oldKeyId);
        (await Me(oldToken)).ShouldBe(HttpStatusCode.OK);

        await _host!.DisposeAsync();
        Start(new() { ["Tracking:Identity:SigningKey"] = _newKey, ["Tracking:Identity:PreviousSigningKey"] = _oldKey });

        (await PublishedKeyIds()).ShouldBe(before, ignoreOrder: true, "the same two keys, their roles swapped");
        var newToken = await Token();
        KeyId(newToken).ShouldNotBe(oldKeyId, "the next key signs now");
        (await Me(newToken)).ShouldBe(HttpStatusCode.OK);
        (await Me(oldToken)).ShouldBe(HttpStatusCode.OK, "signed before the rotation and not yet expired");
    }

    private void Start(Dictionary<string, string?> keys)
    {
        var settings = new Dictionary<string, string?>(keys)
        {
            ["Tracking:Auth:Authority"] = Address.ToString(),
            ["Tracking:Auth:SigningKey"] = null,
            ["Tracking:Identity:Issuer"] = Address.ToString(),
            ["Tracking:Identity:Clients:rotation-cases:Secret"] = Secret,
            ["Tracking:Identity:Clients:rotation-cases:Scopes"] = "tracking-read",
            ["Tracking:Identity:Clients:rotation-cases:ProviderId"] = "northumbria-crc",
        };
        _host = TrackingHost.Distributed("identity", _database!, _vhost!, extra: settings);
        _host.UseKestrel(_port);
        _host.StartServer();
    }

    /// <summary>The key ids in the JWKS that the discovery document points to, as any validator finds them.</summary>
    private async Task<List<string>> PublishedKeyIds()
    {
        using var http = new HttpClient { BaseAddress = Address };
        var discovery = await http.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");
        var jwks = await http.GetFromJsonAsync<JsonElement>(discovery.GetProperty("jwks_uri").GetString());
        return [.. jwks.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()!)];
    }

    private async Task<string> Token()
    {
        using var http = new HttpClient { BaseAddress = Address };
        var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "rotation-cases", ["client_secret"] = Secret, ["scope"] = "tracking-api tracking-read",
        }));
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>The API's answer to the token: /api/me validates it like every route, through discovery here.</summary>
    private async Task<HttpStatusCode> Me(string token)
    {
        using var http = new HttpClient { BaseAddress = Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await http.GetAsync("/api/me")).StatusCode;
    }

    private static string KeyId(string token) => new JwtSecurityTokenHandler().ReadJwtToken(token).Header.Kid;

    private static string NewKey()
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportPkcs8PrivateKeyPem();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
