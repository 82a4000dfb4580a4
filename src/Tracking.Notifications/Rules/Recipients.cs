using Microsoft.EntityFrameworkCore;
using Tracking.Notifications.Data;
using Tracking.ServiceDefaults.Security;

namespace Tracking.Notifications.Rules;

/// <summary>Turns a rule's audience into addresses, from the directory the consumers keep.</summary>
internal static class Recipients
{
    public sealed record Recipient(string Email, string Name);

    public static async Task<IReadOnlyList<Recipient>> Resolve(NotificationsDbContext db, Audience audience, Occasion occasion, CancellationToken ct)
    {
        var found = new List<Recipient>();
        if (audience.HasFlag(Audience.ProviderManagers))
        {
            found.AddRange(await db.People
                .Where(p => p.Active && p.Role == TrackingRoles.ProviderManager && p.ProviderId == occasion.ProviderId)
                .Select(p => new Recipient(p.Email, p.Name)).ToListAsync(ct));
        }

        if (audience.HasFlag(Audience.ActionOwner) && occasion.ActionId is { } actionId
            && await db.ActionOwners.FindAsync([actionId], ct) is { OwnerEmail.Length: > 0 } owner)
        {
            found.Add(new Recipient(owner.OwnerEmail, owner.OwnerName));
        }

        if (audience.HasFlag(Audience.LeadInspector))
        {
            found.AddRange(await LeadInspectors(db, occasion.RecommendationId, ct));
        }

        if (audience.HasFlag(Audience.Planners))
        {
            found.AddRange(await db.People.Where(p => p.Active && p.Role == TrackingRoles.Planner)
                .Select(p => new Recipient(p.Email, p.Name)).ToListAsync(ct));
        }

        return found.DistinctBy(r => r.Email.ToLowerInvariant()).ToList();
    }

    private static async Task<IReadOnlyList<Recipient>> LeadInspectors(NotificationsDbContext db, Guid? recommendationId, CancellationToken ct)
    {
        var publishedBy = recommendationId is { } id
            ? await db.Recommendations.Where(r => r.RecommendationId == id).Select(r => r.PublishedBy).FirstOrDefaultAsync(ct)
            : null;
        var lead = publishedBy is null
            ? null
            : await db.People.Where(p => p.PersonId == publishedBy && p.Active).Select(p => new Recipient(p.Email, p.Name)).FirstOrDefaultAsync(ct);

        // No person published it (the demo inspection, or one published before its publisher was known): tell the inspectorate.
        return lead is not null
            ? [lead]
            : await db.People.Where(p => p.Active && p.Role == TrackingRoles.Inspector).Select(p => new Recipient(p.Email, p.Name)).ToListAsync(ct);
    }
}
