using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Tracking.ServiceDefaults.Security;

/// <summary>Logs every authorisation decision with the subject it was made for, then answers as usual (401/403/continue).</summary>
internal sealed class LoggedAuthorizationResults(ILogger<LoggedAuthorizationResults> logger) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        var subject = context.User.FindFirst(TrackingClaims.Subject)?.Value ?? "anonymous";
        var outcome = authorizeResult.Succeeded ? "allowed" : authorizeResult.Challenged ? "challenged" : "forbidden";
        var roles = string.Join(",", policy.Requirements.OfType<Microsoft.AspNetCore.Authorization.Infrastructure.RolesAuthorizationRequirement>()
            .SelectMany(r => r.AllowedRoles));
        logger.LogInformation("Authorisation {Outcome} for {Subject} on {Method} {Path} (roles required: {Roles})",
            outcome, subject, context.Request.Method, context.Request.Path, roles.Length == 0 ? "any signed-in user" : roles);
        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
