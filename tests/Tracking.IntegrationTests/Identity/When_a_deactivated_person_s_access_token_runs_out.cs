using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tracking.IntegrationTests.Infrastructure;
using Tracking.Mail;
using Tracking.ServiceDefaults.Security;

namespace Tracking.IntegrationTests.Identity;

/// <summary>
/// Access tokens are checked by signature alone, so a deactivated person's token works until it expires (the
/// configured short lifetime) and is refused after; their refresh is refused at once. The host's clock is a fake one,
/// and so is the API's expiry check here, so the test moves time instead of waiting for it.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class When_a_deactivated_person_s_access_token_runs_out : IAsyncLifetime
{
    private const string ClientSecret = "portal-secret-for-tests";
    private const string Password = "Str0ng-Passw0rd!";
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private TestDatabase? _database;
    private TestVirtualHost? _vhost;
    private TrackingHost? _host;
    private WebApplicationFactory<Program>? _app;

    private WebApplicationFactory<Program> App => _app!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.Create();
        _vhost = await TestVirtualHost.Create();
        _host = TrackingHost.Distributed("recommendations,identity", _database, _vhost, clock: _clock, extra: new Dictionary<string, string?>
        {
            ["Tracking:Web:ClientSecret"] = ClientSecret,
            ["Tracking:Identity:AccessTokenLifetime"] = Lifetime.ToString(),
        });
        // IdentityModel judges expiry by the system clock (its TimeProvider hook is not public): read the fake one instead.
        _app = _host.WithWebHostBuilder(web => web.ConfigureTestServices(services =>
            services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o => o.TokenValidationParameters.LifetimeValidator =
                (_, expires, _, parameters) => expires is null || _clock.GetUtcNow().UtcDateTime <= expires.Value + parameters.ClockSkew)));
        _ = App.Server;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        await Teardown.All(_host, _vhost, _database);
    }

    [Fact]
    public async Task Their_token_works_until_it_expires_and_is_refused_after_while_their_refresh_is_refused_at_once()
    {
        // The host may take a while to start; time as the test sees it starts now.
        _clock.SetUtcNow(DateTimeOffset.UtcNow);
        var email = $"leaver-{Guid.NewGuid():N}@example.org";
        var admin = Api(App.Services.GetRequiredService<TokenIssuer>().Mint(TrackingRoles.Admin, name: "Test admin", subject: "test-admin"));
        var invited = await admin.PostAsJsonAsync("/api/people", new { email, name = "Lee Leaver", role = "planner", providerId = (string?)null });
        invited.StatusCode.ShouldBe(HttpStatusCode.Created, await invited.Content.ReadAsStringAsync());
        var id = (await invited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var mail = App.Services.GetRequiredService<LocalMailbox>().To(email).ShouldHaveSingleItem();
        var link = new Uri(LocalMailbox.Links(mail.TextBody ?? "").Single(l => l.Contains("/account/invitation/", StringComparison.Ordinal)));
        await new BrowserlessSignIn(App, ClientSecret).PostForm(link.PathAndQuery, new() { ["Password"] = Password, ["ConfirmPassword"] = Password });
        var portal = new BrowserlessSignIn(App, ClientSecret);
        var (code, verifier) = await portal.Code(email, Password);
        var tokens = await portal.Redeem(code, verifier);
        using var leaver = Api(tokens.GetProperty("access_token").GetString()!);
        (await leaver.GetAsync("/api/recommendations")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await admin.PostAsync($"/api/people/{id}/deactivation", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await portal.Refresh(tokens.GetProperty("refresh_token").GetString()!)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        _clock.Advance(Lifetime - TimeSpan.FromSeconds(1));
        (await leaver.GetAsync("/api/recommendations")).StatusCode.ShouldBe(HttpStatusCode.OK, "still inside the access token's lifetime");
        _clock.Advance(TimeSpan.FromMinutes(2));
        var refused = await leaver.GetAsync("/api/recommendations");
        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "the token has expired and no new one can be had");
        refused.Headers.WwwAuthenticate.ToString().ShouldContain("invalid_token");
    }

    private HttpClient Api(string token)
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
