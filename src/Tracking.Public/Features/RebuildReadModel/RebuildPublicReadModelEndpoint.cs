using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Tracking.Contracts;
using Tracking.Public.Data;
using Tracking.ServiceDefaults.Security;

namespace Tracking.Public.Features.RebuildReadModel;

public sealed record PublicRebuildStarted(Guid RequestId, DateTimeOffset RequestedAt);

/// <summary>
/// Rebuilds the public read model from events alone: clears it and the inbox that says which events were applied, then
/// asks every publishing service to replay its outbox. The answer comes before the replay has finished.
/// </summary>
internal static class RebuildPublicReadModelEndpoint
{
    public static RouteGroupBuilder MapRebuildPublicReadModel(this RouteGroupBuilder group)
    {
        group.MapPost("/read-model/rebuild", async (PublicTrackerDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
            {
                var now = clock.GetUtcNow();
                var request = new ReplayEvents(Guid.CreateVersion7(), user.Subject, now);
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await db.StatusUpdates.ExecuteDeleteAsync(ct);
                await db.Recommendations.ExecuteDeleteAsync(ct);
                await db.Inspections.ExecuteDeleteAsync(ct);
                await db.Providers.ExecuteDeleteAsync(ct);
                await db.Inbox.ExecuteDeleteAsync(ct);
                db.Publish(request, now);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return Results.Accepted(value: new PublicRebuildStarted(request.RequestId, now));
            })
            .RequireAuthorization(TrackingPolicies.Inspectorate)
            .WithName("RebuildPublicReadModel")
            .WithSummary("Clear the public tracker's read model and rebuild it from a replay of every service's events")
            .Produces<PublicRebuildStarted>(StatusCodes.Status202Accepted);
        return group;
    }
}
