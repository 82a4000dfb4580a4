using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Tracking.Contracts;
using Tracking.Recommendations.Data;
using Tracking.Recommendations.Domain;
using Tracking.ServiceDefaults.OpenApi;
using Tracking.ServiceDefaults.Security;

namespace Tracking.Recommendations.Features.ViewWorkQueues;

public sealed record ResponseToAccept(Guid RecommendationId, ProviderRef Provider, int Number, string Text, int Version, ResponseKind Response,
    DateTimeOffset RespondedAt);

public sealed record EvidenceToReview(Guid RecommendationId, Guid EvidenceId, ProviderRef Provider, int Number, string Text, int Files,
    DateTimeOffset SubmittedAt);

public sealed record RevisionToDecide(Guid RecommendationId, Guid RevisionId, ProviderRef Provider, int Number, string Text, Guid? ActionId,
    DateOnly? CurrentDate, DateOnly RequestedDate, string Reason, DateTimeOffset RequestedAt);

/// <summary>What waits for the inspectorate, each queue oldest first.</summary>
public sealed record WorkQueues(IReadOnlyList<ResponseToAccept> Responses, IReadOnlyList<EvidenceToReview> Evidence,
    IReadOnlyList<RevisionToDecide> Revisions);

public static class ViewWorkQueuesEndpoint
{
    public static RouteGroupBuilder MapViewWorkQueues(this RouteGroupBuilder recommendations)
    {
        recommendations.MapGet("/work-queues", async (string? providerId, RecommendationsDbContext db, CurrentUser user, CancellationToken ct) =>
            {
                var query = db.Recommendations.AsNoTracking()
                    .Include(r => r.Inspection)
                    .Include(r => r.Responses)
                    .Include(r => r.Evidence).ThenInclude(e => e.Files)
                    .Include(r => r.Revisions)
                    .Where(r => r.Status != RecommendationStatus.Draft && r.Status != RecommendationStatus.Closed);
                if (!string.IsNullOrEmpty(providerId))
                {
                    query = query.Where(r => r.ProviderId == providerId);
                }

                if (user.VisibleProviders is { } visible)
                {
                    query = query.Where(r => visible.Contains(r.ProviderId));
                }

                var open = await query.ToListAsync(ct);
                return Results.Ok(new WorkQueues(
                    open.Where(r => r.CurrentResponse is { } current && r.AcceptedResponseVersion != current.Version)
                        .Select(r => new ResponseToAccept(r.Id, r.Inspection!.Provider, r.Number, r.Text, r.CurrentResponse!.Version,
                            r.CurrentResponse.Kind, Utc(r.CurrentResponse.RespondedAt)))
                        .OrderBy(q => q.RespondedAt).ToList(),
                    open.SelectMany(r => r.Evidence.Where(e => e.AwaitsReview)
                            .Select(e => new EvidenceToReview(r.Id, e.Id, r.Inspection!.Provider, r.Number, r.Text, e.Files.Count, Utc(e.SubmittedAt))))
                        .OrderBy(q => q.SubmittedAt).ToList(),
                    open.SelectMany(r => r.Revisions.Where(v => v.Decision == RevisionDecision.Pending)
                            .Select(v => new RevisionToDecide(r.Id, v.Id, r.Inspection!.Provider, r.Number, r.Text, v.ActionId, v.CurrentDate,
                                v.RequestedDate, v.Reason, Utc(v.RequestedAt))))
                        .OrderBy(q => q.RequestedAt).ToList()));
            })
            .RequireAuthorization(TrackingPolicies.ReadRecommendations)
            .WithName("ViewWorkQueues")
            .WithSummary("What waits for the inspectorate: responses to accept, evidence to review and revision requests to decide, oldest first")
            .DescribeQuery(new QueryParameter("providerId", "Only this provider's work."))
            .Produces<WorkQueues>();
        return recommendations;
    }

    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));
}
