using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Tracking.Notifications.Data;
using Tracking.Notifications.UpdateRounds;
using Tracking.ServiceDefaults.Security;

namespace Tracking.Notifications.Features.ViewUpdateRounds;

/// <summary>Update rounds as inspectors see them: each round, who was asked and who answered; and starting one now.</summary>
internal static class UpdateRoundEndpoints
{
    public static RouteGroupBuilder MapUpdateRounds(this RouteGroupBuilder notifications)
    {
        var rounds = notifications.MapGroup("/update-rounds").RequireAuthorization(TrackingPolicies.Inspectorate);

        rounds.MapGet("/", async (NotificationsDbContext db, CancellationToken ct) =>
            {
                var all = await db.UpdateRounds.AsNoTracking().OrderByDescending(r => r.StartedAt).Take(50).ToListAsync(ct);
                var ids = all.Select(r => r.Id).ToList();
                var counts = (await db.UpdateRequests.AsNoTracking().Where(q => ids.Contains(q.RoundId))
                        .GroupBy(q => q.RoundId)
                        .Select(g => new { RoundId = g.Key, Asked = g.Count(), Answered = g.Count(q => q.AnsweredAt != null) })
                        .ToListAsync(ct))
                    .ToDictionary(c => c.RoundId);
                return Results.Ok(all.Select(r => counts.TryGetValue(r.Id, out var c) ? View(r, c.Asked, c.Answered) : View(r, 0, 0)).ToList());
            })
            .WithName("ListUpdateRounds")
            .WithSummary("Update rounds, newest first (at most 50), with how many owners were asked and how many answered")
            .Produces<List<UpdateRoundView>>();

        rounds.MapGet("/{id:guid}", async (Guid id, NotificationsDbContext db, CancellationToken ct) =>
            {
                if (await db.UpdateRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) is not { } round)
                {
                    return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such update round",
                        detail: "There is no update round with this id.");
                }

                var requests = await db.UpdateRequests.AsNoTracking().Where(q => q.RoundId == id)
                    .OrderBy(q => q.TargetDate).ThenBy(q => q.OwnerName).ToListAsync(ct);
                return Results.Ok(new UpdateRoundDetail(View(round, requests.Count, requests.Count(q => q.AnsweredAt != null)),
                    requests.Select(q => new UpdateRequestView(q.ActionId, q.RecommendationId, q.ProviderId, q.Action, q.OwnerName, q.OwnerEmail,
                        q.TargetDate, q.AskedAt, q.AnsweredAt, q.EvidenceId)).ToList()));
            })
            .WithName("ViewUpdateRound")
            .WithSummary("One update round: every owner asked, about which action, and when they answered")
            .Produces<UpdateRoundDetail>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        rounds.MapPost("/", async (UpdateRoundMaker maker, NotificationsDbContext db, CurrentUser me, CancellationToken ct) =>
            {
                var round = await maker.Start($"manual:{Guid.NewGuid():N}", me.DisplayName, ct);
                var asked = await db.UpdateRequests.CountAsync(q => q.RoundId == round.Id, ct);
                return Results.Created($"/api/notifications/update-rounds/{round.Id}", View(round, asked, 0));
            })
            .WithName("StartUpdateRound")
            .WithSummary("Start an update round now, outside the cadence: every owner of an open action due within the window is asked once")
            .Produces<UpdateRoundView>(StatusCodes.Status201Created);
        return notifications;
    }

    private static UpdateRoundView View(UpdateRound round, int asked, int answered) =>
        new(round.Id, round.StartedAt, round.DueBy, round.StartedBy, asked, answered);
}
