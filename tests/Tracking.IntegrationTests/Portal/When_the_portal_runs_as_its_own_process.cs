using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tracking.IntegrationTests.Infrastructure;
using Tracking.ServiceDefaults.Security;

namespace Tracking.IntegrationTests.Portal;

/// <summary>
/// Distributed sign-in and portal on real RabbitMQ and PostgreSQL: host A runs recommendations, scheduling, planning
/// and identity on a real port and trusts tokens only through its identity's discovery document (no local key); B is
/// its own operating-system process running only the web role, signing people in at A and calling A's API over HTTP.
/// </summary>
[Collection(HostCollection.Name)]
public sealed partial class When_the_portal_runs_as_its_own_process : IAsyncLifetime
{
    private const string ClientSecret = "portal-secret-for-the-distributed-test";
    private const string Manager = "manager@demo.tracking.test";
    private const string Password = "Demo-Passw0rd!";
    private const string Rationale = "Risk of harm analysis becomes part of every assessment review.";
    private readonly int _servicesPort = FreePort();
    private readonly List<string> _dataFolders = [];
    private TestDatabase? _database;
    private TestVirtualHost? _vhost;
    private TrackingHost? _services;
    private ServerProcess? _web;

    // Two host names, as two real hosts would have: browsers keep cookies per host, not per port.
    private Uri ServicesAddress => new($"http://localhost:{_servicesPort}/");

    private Uri WebAddress => new($"http://127.0.0.1:{_web!.Port}/");

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.Create();
        _vhost = await TestVirtualHost.Create();
        var shared = new Dictionary<string, string?>
        {
            ["Tracking:Database"] = "PostgreSql",
            ["Tracking:Bus"] = "RabbitMq",
            ["ConnectionStrings:Tracking"] = _database.ConnectionString,
            ["ConnectionStrings:RabbitMq"] = _vhost.AmqpUri(),
            ["Tracking:Auth:Authority"] = ServicesAddress.ToString(),
            ["Tracking:Auth:SigningKey"] = null,
            ["Tracking:Identity:Issuer"] = ServicesAddress.ToString(),
            ["Tracking:Web:ClientSecret"] = ClientSecret,
        };
        _web = new ServerProcess("web", new Dictionary<string, string?>(shared)
        {
            ["Tracking:DataFolder"] = DataFolder(),
            ["Tracking:Web:ApiBaseAddress"] = ServicesAddress.ToString(),
        });
        _services = TrackingHost.Distributed("recommendations,scheduling,planning,identity", _database, _vhost,
            extra: new Dictionary<string, string?>(shared)
            {
                ["Tracking:SeedDemoData"] = "true",
                ["Tracking:Web:PublicOrigin"] = WebAddress.ToString(),
            });
        _services.UseKestrel(_servicesPort);
        _services.StartServer();
        await _web.Start();
    }

    [Fact]
    public async Task The_demo_manager_signs_in_through_the_portal_process_and_responds_and_the_services_api_shows_it()
    {
        var cookies = new CookieContainer();
        using var browser = Browser(cookies, followRedirects: true);

        var signIn = await browser.GetAsync(WebAddress);
        signIn.RequestMessage!.RequestUri!.GetLeftPart(UriPartial.Path).ShouldBe(new Uri(ServicesAddress, "/account/sign-in").ToString(),
            "the portal sends a stranger to the identity role on the other host");
        var home = await PostForm(browser, signIn, new() { ["Email"] = Manager, ["Password"] = Password });
        home.RequestMessage!.RequestUri.ShouldBe(WebAddress, await home.Content.ReadAsStringAsync());
        (await home.Content.ReadAsStringAsync()).ShouldContain("Your recommendations");
        // Planning's read model fills from the demo events a moment after start.
        var list = await Eventually.Get(() => browser.GetStringAsync(WebAddress), p => RecommendationLink().Matches(p).Count == 8,
            TimeSpan.FromSeconds(20), "Northumbria's eight recommendations on the portal's home page");
        list.ShouldContain("Respond by");
        var id = Guid.Parse(RecommendationLink().Match(list).Groups[1].Value);

        var respond = await browser.GetAsync(new Uri(WebAddress, $"/recommendations/{id}/respond"));
        var shown = await PostForm(browser, respond, new() { ["Input.Response"] = "Agreed", ["Input.Rationale"] = Rationale });

        shown.RequestMessage!.RequestUri!.AbsolutePath.ShouldBe($"/recommendations/{id}", await shown.Content.ReadAsStringAsync());
        (await shown.Content.ReadAsStringAsync()).ShouldContain(Rationale);
        using var api = new HttpClient { BaseAddress = ServicesAddress };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await AccessToken(cookies));
        var detail = await api.GetFromJsonAsync<JsonElement>($"/api/recommendations/{id}");
        detail.GetProperty("response").GetProperty("response").GetString().ShouldBe("Agreed");
        detail.GetProperty("response").GetProperty("rationale").GetString().ShouldBe(Rationale);
        ShouldTrustOnlyTheAuthority();
        using var local = new HttpClient { BaseAddress = ServicesAddress };
        local.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", LocallySignedToken());
        (await local.GetAsync($"/api/recommendations/{id}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized,
            "a token signed with a shared key is no shortcut once an authority is set");
    }

    /// <summary>The services host validates through discovery at its authority: no local key to mint or check with.</summary>
    private void ShouldTrustOnlyTheAuthority()
    {
        _services!.Services.GetService<TokenIssuer>().ShouldBeNull();
        var bearer = _services.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);
        bearer.Authority.ShouldBe(ServicesAddress.ToString());
        bearer.RequireHttpsMetadata.ShouldBeFalse("plain http is allowed for a loopback authority");
        bearer.TokenValidationParameters.IssuerSigningKey.ShouldBeNull();
        (bearer.TokenValidationParameters.IssuerSigningKeys ?? []).ShouldBeEmpty();
    }

    private string LocallySignedToken()
    {
        var settings = new AuthSettings(null, "tracking-api", AuthSettings.LocalIssuer, TrackingHost.SharedSigningKey);
        return new TokenIssuer(settings, LocalSigningKey.Load(settings, DataFolder()), TimeProvider.System)
            .Mint(TrackingRoles.ProviderManager, ["northumbria-crc"], subject: "local-manager");
    }

    /// <summary>The code + PKCE flow the portal ran, once more at A, riding the identity session the sign-in left behind.</summary>
    private async Task<string> AccessToken(CookieContainer cookies)
    {
        using var browser = Browser(cookies, followRedirects: false);
        var verifier = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        var challenge = Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var redirectUri = new Uri(WebAddress, "/signin-oidc").ToString();
        var authorize = await browser.GetAsync(QueryHelpers.AddQueryString(new Uri(ServicesAddress, "/connect/authorize").ToString(), new Dictionary<string, string?>
        {
            ["client_id"] = WebClientSecret.ClientId,
            ["response_type"] = "code",
            ["redirect_uri"] = redirectUri,
            ["scope"] = "openid profile email roles offline_access tracking-api",
            ["state"] = "test",
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
        }));
        authorize.StatusCode.ShouldBe(HttpStatusCode.Redirect, await authorize.Content.ReadAsStringAsync());
        var code = QueryHelpers.ParseQuery(authorize.Headers.Location!.Query)["code"].ToString();
        var token = await browser.PostAsync(new Uri(ServicesAddress, "/connect/token"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirectUri,
            ["code_verifier"] = verifier,
            ["client_id"] = WebClientSecret.ClientId,
            ["client_secret"] = ClientSecret,
        }));
        var body = await token.Content.ReadAsStringAsync();
        token.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>Posts the page's form with its hidden fields (antiforgery, return URL) and the given values.</summary>
    private static async Task<HttpResponseMessage> PostForm(HttpClient browser, HttpResponseMessage page, Dictionary<string, string> values)
    {
        var html = await page.Content.ReadAsStringAsync();
        page.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        var form = new HtmlParser().ParseDocument(html).QuerySelector("form[method=post]").ShouldNotBeNull();
        var fields = form.QuerySelectorAll("input[type=hidden]")
            .Where(i => i.GetAttribute("name") is not null)
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        foreach (var (key, value) in values)
        {
            fields[key] = value;
        }

        var pageUri = page.RequestMessage!.RequestUri!;
        var action = form.GetAttribute("action") is { Length: > 0 } a ? new Uri(pageUri, a) : pageUri;
        return await browser.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    private static HttpClient Browser(CookieContainer cookies, bool followRedirects)
    {
        var browser = new HttpClient(new LoopbackBrowser(cookies, followRedirects));
        browser.DefaultRequestHeaders.UserAgent.ParseAdd("TrackingTests/1.0");
        return browser;
    }

    /// <summary>
    /// A browser's cookie jar and redirects. Like Chromium it counts http://localhost and 127.0.0.1 as secure, so the
    /// sign-in's Secure correlation and nonce cookies travel over plain http on this machine (.NET's jar would drop them).
    /// </summary>
    private sealed class LoopbackBrowser(CookieContainer cookies, bool followRedirects)
        : DelegatingHandler(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false })
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            for (var hop = 0; ; hop++)
            {
                var jar = AsSecure(request.RequestUri!);
                if (cookies.GetCookieHeader(jar) is { Length: > 0 } header)
                {
                    request.Headers.Add("Cookie", header);
                }

                var response = await base.SendAsync(request, cancellationToken);
                foreach (var cookie in response.Headers.TryGetValues("Set-Cookie", out var set) ? set : [])
                {
                    cookies.SetCookies(jar, cookie);
                }

                if (!followRedirects || hop == 20 || (int)response.StatusCode is not (301 or 302 or 303 or 307 or 308))
                {
                    return response;
                }

                var next = new HttpRequestMessage((int)response.StatusCode is 307 or 308 ? request.Method : HttpMethod.Get,
                    new Uri(request.RequestUri!, response.Headers.Location!));
                next.Headers.UserAgent.ParseAdd(request.Headers.UserAgent.ToString());
                response.Dispose();
                request = next;
            }
        }

        private static Uri AsSecure(Uri uri) => uri.IsLoopback ? new UriBuilder(uri) { Scheme = Uri.UriSchemeHttps, Port = uri.Port }.Uri : uri;
    }

    private string DataFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "tracking-tests", Guid.NewGuid().ToString("N"));
        _dataFolders.Add(folder);
        return folder;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("href=\"/recommendations/([0-9a-f-]{36})\"")]
    private static partial Regex RecommendationLink();

    public async Task DisposeAsync()
    {
        await Teardown.All(_web, _services, _vhost, _database);
        foreach (var folder in _dataFolders.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
