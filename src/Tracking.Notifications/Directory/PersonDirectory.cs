using Tracking.Notifications.Data;

namespace Tracking.Notifications.Directory;

/// <summary>Applies one identity event to the directory; the newest event for a person wins, whatever the order.</summary>
internal static class PersonDirectory
{
    /// <param name="active">Null keeps the person's current state (a change of name or role).</param>
    public static async Task Remember(this NotificationsDbContext db, Guid personId, string email, string name, string role,
        string? providerId, bool? active, DateTimeOffset occurredAt, CancellationToken ct)
    {
        var id = personId.ToString();
        var person = await db.People.FindAsync([id], ct);
        if (person is null)
        {
            person = new Person { PersonId = id };
            db.People.Add(person);
        }
        else if (person.ChangedAt > occurredAt.UtcDateTime)
        {
            return;
        }

        person.Email = email.Trim();
        person.Name = name;
        person.Role = role;
        person.ProviderId = providerId;
        person.Active = active ?? person.Active;
        person.ChangedAt = occurredAt.UtcDateTime;
    }
}
