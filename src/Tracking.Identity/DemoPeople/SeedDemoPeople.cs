using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tracking.Contracts;
using Tracking.Identity.Data;
using Tracking.Identity.People;
using Tracking.ServiceDefaults.Security;

namespace Tracking.Identity.DemoPeople;

/// <summary>
/// The four demo people (README), added when demo data is on and they are missing. Exempt from MFA so a newcomer
/// can sign in at once with the one published password. Each is announced with PersonActivated in the same save,
/// so other services' directories (notifications) know them like anyone who completed an invitation.
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
        var db = scope.ServiceProvider.GetRequiredService<PeopleDbContext>();
        foreach (var (email, name, role, provider) in People)
        {
            if (await users.FindByEmailAsync(email) is not null)
            {
                continue;
            }

            var now = clock.GetUtcNow();
            var person = new Person
            {
                Id = Guid.NewGuid().ToString(),
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                Name = name,
                Role = role,
                ProviderId = provider,
                MfaExempt = true,
                CreatedAt = now.UtcDateTime,
            };
            // The store's CreateAsync saves this context, so the event commits with the person or not at all.
            db.Publish(new PersonActivated(Guid.Parse(person.Id), email, name, role, provider, now), now);
            var result = await users.CreateAsync(person, Password);
            if (!result.Succeeded)
            {
                db.ChangeTracker.Clear();
            }

            if (!result.Succeeded && await users.FindByEmailAsync(email) is null)
            {
                throw new InvalidOperationException($"Demo person {email} could not be added: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            }

            logger.LogInformation("Demo person {Email} ({Role}) added", email, role);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
