using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Tracking.IntegrationTests.Infrastructure;
using Tracking.ServiceDefaults.Security;

namespace Tracking.IntegrationTests.Identity;

/// <summary>
/// The dashboard's commands (here "trigger now" on the deadline sweep): planners see the dashboard read-only and are
/// refused, inspectors may run them, and only with the antiforgery token the dashboard page carries.
/// </summary>
[Collection(HostCollection.Name)]
public sealed partial class When_staff_use_the_hangfire_dashboard_commands : IAsyncLifetime
{
    private const string Trigger = "/hangfire/recurring/trigger";
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "tracking-tests", Guid.NewGuid().ToString("N"));
    private TrackingHost? _host;

    private TrackingHost Host => _host!;

    public Task InitializeAsync()
    {
        _host = TrackingHost.Embedded(_dataFolder);
        _ = Host.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Teardown.All(_host);

    [Fact]
    public async Task A_planner_is_refused_and_an_inspector_triggers_the_deadline_sweep_with_the_antiforgery_token()
    {
        using var planner = Dashboard(TrackingRoles.Planner);
        var (plannersPage, plannersHeader, plannersToken) = await RecurringPage(planner);
        plannersPage.ShouldNotContain(Trigger, customMessage: "a read-only dashboard shows no commands");
        (await TriggerSweep(planner, plannersHeader, plannersToken)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "planners are read-only");

        using var inspector = Dashboard(TrackingRoles.Inspector);
        (await TriggerSweep(inspector, null, null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "no antiforgery token");
        var (inspectorsPage, header, token) = await RecurringPage(inspector);
        inspectorsPage.ShouldContain(Trigger);
        (await TriggerSweep(inspector, header, token)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    /// <summary>A client with a bearer token for the role that keeps cookies (the antiforgery cookie).</summary>
    private HttpClient Dashboard(string role)
    {
        var client = Host.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });
        var token = Host.Services.GetRequiredService<TokenIssuer>().Mint(role, name: $"Test {role}", subject: $"test-{role}");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<(string Page, string Header, string Token)> RecurringPage(HttpClient client)
    {
        var response = await client.GetAsync("/hangfire/recurring");
        var page = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, page);
        page.ShouldContain("deadline-sweep");
        var header = AntiforgeryHeader().Match(page);
        var token = AntiforgeryToken().Match(page);
        header.Success.ShouldBeTrue("the dashboard names its antiforgery header");
        token.Success.ShouldBeTrue("the dashboard carries an antiforgery token");
        return (page, WebUtility.HtmlDecode(header.Groups[1].Value), WebUtility.HtmlDecode(token.Groups[1].Value));
    }

    private static Task<HttpResponseMessage> TriggerSweep(HttpClient client, string? header, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Trigger)
        {
            Content = new FormUrlEncodedContent([new("jobs[]", "deadline-sweep")]),
        };
        if (header is not null)
        {
            request.Headers.Add(header, token);
        }

        return client.SendAsync(request);
    }

    [GeneratedRegex("<meta name=\"csrf-header\" content=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryHeader();

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
