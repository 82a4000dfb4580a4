using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Tracking.Contracts;
using Tracking.Planning.Data;
using Tracking.ServiceDefaults.Security;

namespace Tracking.Planning.Features.RebuildReadModel;

public sealed record RebuildStarted(Guid RequestId, DateTimeOffset RequestedAt);

/// <summary>
/// Rebuilds the planners' read model from events alone: clears it (and the inbox that says which events were
/// applied), then asks every publishing service to replay its outbox. Reinspection plans are the planners' own
/// records, not derived from events, so they stay. The answer comes before the replay has finished.
/// </summary>
public static class RebuildReadModelEndpoint
{
    public static RouteGroupBuilder MapRebuildReadModel(this RouteGroupBuilder planning)
    {
        planning.MapPost("/read-model/rebuild", async (PlanningDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
            {
                var now = clock.GetUtcNow();
                var request = new ReplayEvents(Guid.CreateVersion7(), user.Subject, now);
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await db.Outstanding.ExecuteDeleteAsync(ct);
                await db.Providers.ExecuteDeleteAsync(ct);
                await db.MissedDeadlines.ExecuteDeleteAsync(ct);
                await db.ScheduledDeadlines.ExecuteDeleteAsync(ct);
                await db.PlannedActions.ExecuteDeleteAsync(ct);
                await db.EvidenceItems.ExecuteDeleteAsync(ct);
                await db.Inbox.ExecuteDeleteAsync(ct);
                db.Publish(request, now);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return Results.Accepted(value: new RebuildStarted(request.RequestId, now));
            })
            .RequireAuthorization(TrackingPolicies.Inspectorate)
            .WithName("RebuildPlanningReadModel")
            .WithSummary("Clear the planners' read model and rebuild it from a replay of every service's events")
            .Produces<RebuildStarted>(StatusCodes.Status202Accepted);
        return planning;
    }
}
