using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Tracking.Contracts;
using Tracking.IntegrationTests.Infrastructure;
using Tracking.Notifications.Data;
using Tracking.Recommendations.Demo;
using Tracking.ServiceDefaults.Security;

namespace Tracking.IntegrationTests.Notifications;

/// <summary>The four demo people as identity announces them (PersonActivated), and tokens that carry their ids.</summary>
public static class NotifiedPeople
{
    public static readonly Person Inspector = new(Guid.Parse("0b9f3c56-1d1e-4b5e-9f0a-3c1e7a0d0001"), "inspector@demo.tracking.test", "Helen Ward", TrackingRoles.Inspector, null);
    public static readonly Person Manager = new(Guid.Parse("0b9f3c56-1d1e-4b5e-9f0a-3c1e7a0d0002"), "manager@demo.tracking.test", "Mark Dodds", TrackingRoles.ProviderManager, NorthumbriaDemo.ProviderId);
    public static readonly Person Planner = new(Guid.Parse("0b9f3c56-1d1e-4b5e-9f0a-3c1e7a0d0003"), "planner@demo.tracking.test", "Sara Khan", TrackingRoles.Planner, null);
    public static readonly Person Admin = new(Guid.Parse("0b9f3c56-1d1e-4b5e-9f0a-3c1e7a0d0004"), "admin@demo.tracking.test", "Jo Ellis", TrackingRoles.Admin, null);

    public static readonly Person[] All = [Inspector, Manager, Planner, Admin];

    public sealed record Person(Guid Id, string Email, string Name, string Role, string? ProviderId);

    /// <summary>Announces everyone, as identity does for the seeded demo people, and waits for the directory to hold them.</summary>
    public static async Task Activate(TrackingHost publisher, TrackingHost notifications, DateTimeOffset at)
    {
        var bus = publisher.Services.GetRequiredService<IBus>();
        foreach (var p in All)
        {
            await bus.Publish(new PersonActivated(p.Id, p.Email, p.Name, p.Role, p.ProviderId, at));
        }

        await Eventually.Get(() => notifications.Query(sp => sp.GetRequiredService<NotificationsDbContext>().People.CountAsync()),
            n => n == All.Length, because: "the directory to know the demo people");
    }

    /// <summary>A client signed in as this person: the token's subject is their id, as identity's tokens carry it.</summary>
    public static HttpClient As(this TrackingHost host, Person person)
    {
        var client = host.CreateClient();
        var token = host.Services.GetRequiredService<TokenIssuer>().Mint(person.Role, person.ProviderId is null ? [] : [person.ProviderId],
            name: person.Name, email: person.Email, subject: person.Id.ToString());
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static string Body(this MimeMessage message) => message.TextBody ?? "";

    public static IReadOnlyList<MimeMessage> About(this IEnumerable<MimeMessage> messages, string subjectStart) =>
        messages.Where(m => (m.Subject ?? "").StartsWith(subjectStart, StringComparison.Ordinal)).ToList();
}
