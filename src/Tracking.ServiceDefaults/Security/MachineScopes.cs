using Microsoft.AspNetCore.Authorization;

namespace Tracking.ServiceDefaults.Security;

/// <summary>
/// What a machine client (client credentials, marked by the machine_client claim) may reach: each policy also needs
/// the scope it names, so a client granted tracking-read cannot write. People's tokens are governed by role alone.
/// </summary>
public static class MachineScopes
{
    public const string Read = "tracking-read";
    public const string Write = "tracking-write";

    /// <summary>The claim identity puts in a machine client's access token: its client id.</summary>
    public const string ClientClaim = "machine_client";

    public static readonly string[] Known = [Read, Write];
}

/// <param name="Scope">Null: no machine client at all (people management, the Hangfire dashboard).</param>
public sealed record MachineScopeRequirement(string? Scope) : IAuthorizationRequirement;

internal sealed class MachineScopeHandler : AuthorizationHandler<MachineScopeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, MachineScopeRequirement requirement)
    {
        var machine = context.User.HasClaim(c => c.Type == MachineScopes.ClientClaim);
        var scopes = context.User.FindAll("scope").SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (!machine || (requirement.Scope is not null && scopes.Contains(requirement.Scope, StringComparer.Ordinal)))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
