using Microsoft.AspNetCore.Http;
using Tracking.Identity.Data;

namespace Tracking.Identity.Audit;

/// <summary>Adds audit lines to the current unit of work, with the caller's address and browser from the request.</summary>
public sealed class AuditLog(PeopleDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    public void Add(string action, string actor, string? personId = null, string? email = null, string? detail = null)
    {
        var request = http.HttpContext;
        db.AuditLog.Add(AuditEntry.Of(action, actor, clock.GetUtcNow().UtcDateTime, personId, email,
            request?.Connection.RemoteIpAddress?.ToString(), request?.Request.Headers.UserAgent.ToString(), detail));
    }

    /// <summary>Writes the line now, for events with nothing else to save (a failed sign-in).</summary>
    public async Task Write(string action, string actor, string? personId = null, string? email = null, string? detail = null)
    {
        Add(action, actor, personId, email, detail);
        await db.SaveChangesAsync();
    }
}
