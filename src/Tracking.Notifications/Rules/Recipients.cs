using Microsoft.EntityFrameworkCore;
using Tracking.Notifications.Data;
using Tracking.ServiceDefaults.Security;

namespace Tracking.Notifications.Rules;

/// <summary>Turns a rule's audience into addresses, from the directory the consumers keep.</summary>
internal static class Recipients
{
    public sealed record Recipient(string Email, string Name);

    /// <returns>The recipients, and whether every part of the audience found someone (else the directory may be behind).</returns>
    public static async Task<(IReadOnlyList<Recipient> Found, bool Complete)> Resolve(NotificationsDbContext db, Audience audience, Occasion occasion,
        CancellationToken ct)
    {
        var found = new List<Recipient>();
        var complete = true;

        void Add(IReadOnlyCollection<Recipient> part)
        {
            complete &= part.Count > 0;
            found.AddRange(part);
        }

        if (audience.HasFlag(Audience.ProviderManagers))
        {
            Add(await db.People
                .Where(p => p.Active && p.Role == TrackingRoles.ProviderManager && p.ProviderId == occasion.ProviderId)
                .Select(p => new Recipient(p.Email, p.Name)).ToListAsync(ct));
        }

        if (audience.HasFlag(Audience.ActionOwner) && occasion.ActionId is { } actionId)
        {
            Add(await db.ActionOwners.Where(o => o.ActionId == actionId && o.OwnerEmail != "")
                .Select(o => new Recipient(o.OwnerEmail, o.OwnerName)).ToListAsync(ct));
        }

        if (audience.HasFlag(Audience.LeadInspector))
        {
            Add(await LeadInspectors(db, occasion.RecommendationId, ct));
        }

        if (audience.HasFlag(Audience.Planners))
        {
            Add(await db.People.Where(p => p.Active && p.Role == TrackingRoles.Planner)
                .Select(p => new Recipient(p.Email, p.Name)).ToListAsync(ct));
        }

        return (found.DistinctBy(r => r.Email.ToLowerInvariant()).ToList(), complete);
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
