using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tracking.ServiceDefaults.Security;

namespace Tracking.ServiceDefaults.Http;

/// <summary>
/// Writes are limited per signed-in person, anonymous requests per client address (the proxy-forwarded one when
/// a proxy is configured); signed-in reads are not limited. A refusal is a 429 problem with Retry-After. The
/// defaults (Tracking:RateLimits) are far above what a person or the benchmark sends: they stop a runaway client.
/// </summary>
public static class RateLimits
{
    public const string Section = "Tracking:RateLimits";

    public static IHostApplicationBuilder AddTrackingRateLimits(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(Section);
        var window = section.GetValue("Window", TimeSpan.FromSeconds(10));
        var writes = section.GetValue("WritesPerUser", 5000);
        var anonymous = section.GetValue("AnonymousPerAddress", 1000);
        builder.Services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var subject = context.User.FindFirstValue(TrackingClaims.Subject);
                if (subject is not null)
                {
                    return HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                        ? RateLimitPartition.GetNoLimiter("reads")
                        : RateLimitPartition.GetFixedWindowLimiter("user:" + subject, _ => Window(writes, window));
                }

                var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter("address:" + address, _ => Window(anonymous, window));
            });
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                var http = rejected.HttpContext;
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : window;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests.",
                        Detail = "Wait for the time in Retry-After, then send the request again.",
                    },
                });
            };
        });
        return builder;
    }

    private static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) =>
        new() { PermitLimit = Math.Max(1, permits), Window = window, QueueLimit = 0, AutoReplenishment = true };
}
