using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tracking.ServiceDefaults.Http;

namespace Tracking.Public.Http;

/// <summary>
/// The public routes are limited per client address for everyone, signed in or not (the shared limiter lets signed-in
/// reads through): open data is the easiest thing here to scrape in a loop. A refusal is the shared 429 with Retry-After.
/// </summary>
internal static class PublicRateLimit
{
    public const string Policy = "public";

    public static IHostApplicationBuilder AddPublicRateLimit(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(RateLimits.Section);
        var window = section.GetValue("Window", TimeSpan.FromSeconds(10));
        var permits = section.GetValue("PublicPerAddress", 600);
        builder.Services.Configure<RateLimiterOptions>(options => options.AddPolicy(Policy, context =>
            RateLimitPartition.GetFixedWindowLimiter("public:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, permits), Window = window, QueueLimit = 0, AutoReplenishment = true })));
        return builder;
    }
}
