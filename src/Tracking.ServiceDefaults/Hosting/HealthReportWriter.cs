using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Tracking.ServiceDefaults.Security;

namespace Tracking.ServiceDefaults.Hosting;

/// <summary>
/// Writes readiness as JSON. Anyone (a load balancer) gets the overall status; a signed-in operator also gets each
/// dependency's status and description, which name hosts, ports and errors an anonymous caller must not see.
/// </summary>
internal static class HealthReportWriter
{
    public static Task WriteJson(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        object body = context.User.IsInRole(TrackingRoles.Inspector)
            ? new
            {
                status = report.Status.ToString(),
                checks = report.Entries.ToDictionary(
                    e => e.Key,
                    e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
            }
            : new { status = report.Status.ToString() };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }
}
