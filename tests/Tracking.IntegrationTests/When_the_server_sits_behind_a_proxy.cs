using System.Net;
using Tracking.IntegrationTests.Infrastructure;

namespace Tracking.IntegrationTests;

/// <summary>
/// A TLS-terminating proxy forwards plain HTTP: with the proxy configured, the forwarded scheme is believed and
/// HSTS is sent; with none configured, anyone's X-Forwarded-Proto is ignored.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class When_the_server_sits_behind_a_proxy
{
    [Fact]
    public async Task A_configured_proxys_forwarded_https_gets_strict_transport_security()
    {
        await using var host = TrackingHost.Embedded(Folder(), extra: new Dictionary<string, string?>
        {
            ["Tracking:ForwardedHeaders:KnownProxies"] = "10.1.2.3",
            ["Tracking:ForwardedHeaders:KnownNetworks"] = "192.168.0.0/16",
        });

        var response = await Live(host.CreateClient());

        response.Headers.Contains("Strict-Transport-Security").ShouldBeTrue();
    }

    [Fact]
    public async Task Without_a_configured_proxy_a_forwarded_scheme_is_ignored()
    {
        await using var host = TrackingHost.Embedded(Folder());

        var response = await Live(host.CreateClient());

        response.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
    }

    private static async Task<HttpResponseMessage> Live(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.9");
        var response = await client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return response;
    }

    private static string Folder() => Path.Combine(Path.GetTempPath(), "tracking-tests", Guid.NewGuid().ToString("N"));
}
