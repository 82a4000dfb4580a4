using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Tracking.IntegrationTests.Infrastructure;

namespace Tracking.IntegrationTests.Identity;

/// <summary>
/// The portal's side of the authorization code + PKCE flow, driven over HTTP as a browser would: follow each
/// redirect by hand, fill and post the sign-in form (with its antiforgery token), then redeem the code. The portal's
/// client by default; another client (the API docs' public one: no secret) by its id and redirect URI.
/// </summary>
internal sealed class BrowserlessSignIn(WebApplicationFactory<Program> host, string? clientSecret, string clientId = "tracking-web", string redirectUri = BrowserlessSignIn.RedirectUri,
    string scopes = BrowserlessSignIn.Scopes)
{
    public const string RedirectUri = "http://localhost/signin-oidc";
    public const string Scopes = "openid profile email roles offline_access tracking-api";

    private readonly HttpClient _browser = Browser(host);

    private static HttpClient Browser(WebApplicationFactory<Program> host)
    {
        var browser = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        browser.DefaultRequestHeaders.UserAgent.ParseAdd("TrackingTests/1.0");
        return browser;
    }

    /// <summary>Signs in through the pages and returns the code the portal would receive at its redirect URI.</summary>
    public async Task<(string Code, string Verifier)> Code(string email, string password)
    {
        var (authorize, verifier) = Authorization(clientId, redirectUri, scopes);
        var toSignIn = await Redirected(await _browser.GetAsync(authorize));
        toSignIn.AbsolutePath.ShouldBe("/account/sign-in");
        var back = await Redirected(await PostForm(toSignIn.PathAndQuery, new() { ["Email"] = email, ["Password"] = password }));
        back.AbsolutePath.ShouldBe("/connect/authorize");
        return (await CodeAt(back), verifier);
    }

    /// <summary>Follows an authorize request that should now succeed to the portal's redirect URI and returns the code.</summary>
    public async Task<string> CodeAt(Uri authorize)
    {
        var atClient = await Redirected(await _browser.GetAsync(authorize.PathAndQuery));
        atClient.GetLeftPart(UriPartial.Path).ShouldBe(redirectUri);
        var query = QueryHelpers.ParseQuery(atClient.Query);
        query["state"].ToString().ShouldBe("state-1");
        return query["code"].ToString();
    }

    /// <summary>A fresh authorize request (code + PKCE) and the verifier to redeem its code with.</summary>
    public static (string Url, string Verifier) Authorization(string clientId = "tracking-web", string redirectUri = RedirectUri, string scopes = Scopes)
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var authorize = QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = clientId,
            ["response_type"] = "code",
            ["redirect_uri"] = redirectUri,
            ["scope"] = scopes,
            ["state"] = "state-1",
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
        });
        return (authorize, verifier);
    }

    /// <summary>Signs in at identity's own page only (its cookie, no OIDC client), as an admin opening /admin would.</summary>
    public async Task SignIn(string email, string password)
    {
        var response = await PostForm("/account/sign-in", new() { ["Email"] = email, ["Password"] = password });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
    }

    public Task<HttpResponseMessage> Get(string url) => _browser.GetAsync(url);

    /// <summary>Posts a page's first form (or the one the selector picks) with its hidden fields (antiforgery, return URL) and the given values.</summary>
    public async Task<HttpResponseMessage> PostForm(string pageUrl, Dictionary<string, string> values, string formSelector = "form[method=post]")
    {
        var page = await _browser.GetAsync(pageUrl);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var document = new HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync());
        var form = document.QuerySelector(formSelector).ShouldNotBeNull();
        var fields = form.QuerySelectorAll("input[type=hidden]")
            .Where(i => i.GetAttribute("name") is not null)
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        foreach (var (key, value) in values)
        {
            fields[key] = value;
        }

        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : pageUrl;
        return await _browser.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    public async Task<JsonElement> Redeem(string code, string verifier) => await Token(new()
    {
        ["grant_type"] = "authorization_code",
        ["code"] = code,
        ["redirect_uri"] = redirectUri,
        ["code_verifier"] = verifier,
    });

    public async Task<HttpResponseMessage> Refresh(string refreshToken) => await TokenResponse(new()
    {
        ["grant_type"] = "refresh_token",
        ["refresh_token"] = refreshToken,
    });

    public async Task<JsonElement> Token(Dictionary<string, string> form)
    {
        var response = await TokenResponse(form);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement;
    }

    public Task<HttpResponseMessage> TokenResponse(Dictionary<string, string> form)
    {
        form["client_id"] = clientId;
        if (clientSecret is not null)
        {
            form["client_secret"] = clientSecret;
        }

        return _browser.PostAsync("/connect/token", new FormUrlEncodedContent(form));
    }

    public static async Task<Uri> Redirected(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var location = response.Headers.Location.ShouldNotBeNull();
        return location.IsAbsoluteUri ? location : new Uri(new Uri("http://localhost"), location);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
