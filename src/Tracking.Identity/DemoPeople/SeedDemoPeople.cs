using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tracking.Identity.People;
using Tracking.ServiceDefaults.Security;

namespace Tracking.Identity.DemoPeople;

/// <summary>
/// The four demo people (README), added when demo data is on and they are missing. Exempt from MFA so a newcomer
/// can sign in at once with the one published password.
/// </summary>
internal sealed class SeedDemoPeople(IServiceScopeFactory scopes, TimeProvider clock, ILogger<SeedDemoPeople> logger) : IHostedService
{
    public const string Password = "Demo-Passw0rd!";

    public static readonly IReadOnlyList<(string Email, string Name, string Role, string? Provider)> People =
    [
        ("inspector@demo.tracking.test", "Helen Ward", TrackingRoles.Inspector, null),
        ("manager@demo.tracking.test", "Mark Dodds", TrackingRoles.ProviderManager, "northumbria-crc"),
        ("planner@demo.tracking.test", "Sara Khan", TrackingRoles.Planner, null),
        ("admin@demo.tracking.test", "Jo Ellis", TrackingRoles.Admin, null),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Person>>();
        foreach (var (email, name, role, provider) in People)
        {
            if (await users.FindByEmailAsync(email) is not null)
            {
                continue;
            }

            var person = new Person
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                Name = name,
                Role = role,
                ProviderId = provider,
                MfaExempt = true,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            var result = await users.CreateAsync(person, Password);
            if (!result.Succeeded && await users.FindByEmailAsync(email) is null)
            {
                throw new InvalidOperationException($"Demo person {email} could not be added: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            }

            logger.LogInformation("Demo person {Email} ({Role}) added", email, role);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
