using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Tracking.Recommendations.Data;
using Tracking.Recommendations.Features.Shared;
using Tracking.ServiceDefaults.Security;

namespace Tracking.Recommendations.Features.ViewHistory;

public sealed record HistoryLine(int Sequence, DateTimeOffset At, string By, string ByName, string Change, string What, string? Why);

public static class ViewHistoryEndpoint
{
    public static RouteGroupBuilder MapViewHistory(this RouteGroupBuilder recommendations)
    {
        recommendations.MapGet("/{id:guid}/history", async (Guid id, RecommendationsDbContext db, CurrentUser user, CancellationToken ct) =>
            {
                var providerId = await db.Recommendations.Where(r => r.Id == id).Select(r => r.ProviderId).FirstOrDefaultAsync(ct);
                if (providerId is null || !user.CanSee(providerId))
                {
                    return RecommendationCommand.NotFound(id);
                }

                var lines = await db.History.AsNoTracking().Where(h => h.RecommendationId == id).OrderBy(h => h.Sequence).ToListAsync(ct);
                return Results.Ok(lines.Select(h => new HistoryLine(h.Sequence, new DateTimeOffset(h.At, TimeSpan.Zero), h.ActorSubject, h.ActorName,
                    h.Change, h.What, h.Why)).ToList());
            })
            .RequireAuthorization(TrackingPolicies.ReadRecommendations)
            .WithName("ViewRecommendationHistory")
            .WithSummary("Every change to a recommendation, in order: who, when, what and why")
            .Produces<List<HistoryLine>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return recommendations;
    }
}
