using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Tracking.ServiceDefaults.Http;

/// <summary>
/// Behind a TLS-terminating proxy the request arrives as plain HTTP from the proxy's address. X-Forwarded-For and
/// X-Forwarded-Proto are believed only from the proxies and networks configured under Tracking:ForwardedHeaders,
/// so HSTS is sent and client addresses (rate limits, logs) are the client's; with none configured they are ignored.
/// </summary>
public static class ProxySetup
{
    public const string Section = "Tracking:ForwardedHeaders";

    public static IHostApplicationBuilder AddTrackingForwardedHeaders(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(Section);
        var proxies = List(section["KnownProxies"]).Select(IPAddress.Parse).ToList();
        var networks = List(section["KnownNetworks"]).Select(n => System.Net.IPNetwork.Parse(n)).ToList();
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            options.ForwardLimit = section.GetValue("ForwardLimit", 1);
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(proxy);
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(network);
            }
        });
        builder.Services.AddSingleton(new ForwardedHeadersEnabled(proxies.Count + networks.Count > 0));
        return builder;
    }

    public static IApplicationBuilder UseTrackingForwardedHeaders(this IApplicationBuilder app)
    {
        var enabled = app.ApplicationServices.GetService<ForwardedHeadersEnabled>();
        return enabled is { Value: true } ? app.UseForwardedHeaders() : app;
    }

    private static IEnumerable<string> List(string? value) =>
        (value ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private sealed record ForwardedHeadersEnabled(bool Value);
}
