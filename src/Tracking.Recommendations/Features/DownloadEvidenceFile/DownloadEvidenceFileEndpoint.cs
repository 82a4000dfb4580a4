using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Tracking.Recommendations.Data;
using Tracking.Recommendations.Evidence;
using Tracking.Recommendations.Features.Shared;
using Tracking.ServiceDefaults.Security;
using Tracking.ServiceDefaults.OpenApi;

namespace Tracking.Recommendations.Features.DownloadEvidenceFile;

public static class DownloadEvidenceFileEndpoint
{
    public static RouteGroupBuilder MapDownloadEvidenceFile(this RouteGroupBuilder recommendations)
    {
        recommendations.MapGet("/{id:guid}/evidence/{evidenceId:guid}/files/{fileId:guid}", async (Guid id, Guid evidenceId, Guid fileId,
                RecommendationsDbContext db, CurrentUser user, EvidenceFileStore store, ILoggerFactory logs, CancellationToken ct) =>
            {
                var recommendation = await db.LoadRecommendation(id, ct);
                if (recommendation is null || !user.CanSee(recommendation.ProviderId))
                {
                    return RecommendationCommand.NotFound(id);
                }

                var file = recommendation.Evidence.FirstOrDefault(e => e.Id == evidenceId)?.Files.FirstOrDefault(f => f.Id == fileId);
                if (file is null)
                {
                    return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Evidence file not found",
                        detail: $"There is no file {fileId} in evidence {evidenceId} of this recommendation.");
                }

                var content = store.Open(file.ContentHash);
                if (content is null)
                {
                    logs.CreateLogger(typeof(DownloadEvidenceFileEndpoint)).LogError(
                        "Evidence file {FileId} of recommendation {RecommendationId} has no content {ContentHash} in the store", fileId, id, file.ContentHash);
                    return Results.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "The file's content is missing from the evidence store");
                }

                // fileDownloadName makes it an attachment: the browser saves it rather than rendering it in our origin.
                return Results.File(content, file.ContentType, fileDownloadName: file.OriginalName);
            })
            .RequireAuthorization(TrackingPolicies.ReadEvidenceFiles)
            .WithName("DownloadEvidenceFile")
            .WithSummary("One evidence file as it was uploaded, always as an attachment")
            .ProducesFile("The file with the type it was uploaded as (one of Tracking:Evidence:AllowedTypes).", EvidenceOptions.DefaultAllowedTypes)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return recommendations;
    }
}
