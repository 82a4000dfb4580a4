using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tracking.Public.Http;
using Tracking.ServiceDefaults.OpenApi;

namespace Tracking.Public.Features.FollowStatusChanges;

/// <summary>Atom feeds of recommendations' status changes: nationally, and per provider.</summary>
internal static class FollowStatusChangesEndpoints
{
    /// <summary>A feed reader wants what is new, not the archive: the open data has everything.</summary>
    public const int MaxEntries = 200;

    private const string AtomType = "application/atom+xml";

    public static RouteGroupBuilder MapFollowStatusChanges(this RouteGroupBuilder group)
    {
        group.MapGet("/feed.atom", async (PublicReads reads, HttpContext http, CancellationToken ct) =>
            {
                var changes = await reads.StatusChanges(null, MaxEntries, ct);
                var origin = Origin(http);
                return Feed(http, AtomFeed.Write("urn:tracking:public:status-changes", "Inspection recommendations: status changes",
                    new Uri(origin, "/api/public/feed.atom"), new Uri(origin, "/public/providers"), origin, changes), changes);
            })
            .AllowAnonymous()
            .WithName("FollowPublicStatusChanges")
            .WithSummary($"The newest {MaxEntries} status changes of every provider's recommendations, as an Atom feed")
            .ProducesFile("An Atom 1.0 feed, one entry per status change, newest first.", AtomType)
            .Produces(StatusCodes.Status304NotModified)
            .CachedForEveryone();

        group.MapGet("/providers/{providerId}/feed.atom", async (string providerId, PublicReads reads, HttpContext http, CancellationToken ct) =>
            {
                if (!await reads.ProviderExists(providerId, ct))
                {
                    return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Provider not found",
                        detail: $"No inspection of provider '{providerId}' has been published.");
                }

                var changes = await reads.StatusChanges(providerId, MaxEntries, ct);
                var origin = Origin(http);
                var escaped = Uri.EscapeDataString(providerId);
                return Feed(http, AtomFeed.Write($"urn:tracking:public:provider:{escaped}:status-changes",
                    $"Inspection recommendations of {changes.FirstOrDefault()?.ProviderName ?? providerId}: status changes",
                    new Uri(origin, $"/api/public/providers/{escaped}/feed.atom"), new Uri(origin, $"/public/providers/{escaped}"), origin, changes), changes);
            })
            .AllowAnonymous()
            .WithName("FollowPublicProviderStatusChanges")
            .WithSummary($"The newest {MaxEntries} status changes of one provider's recommendations, as an Atom feed")
            .ProducesFile("An Atom 1.0 feed, one entry per status change, newest first.", AtomType)
            .Produces(StatusCodes.Status304NotModified)
            .CachedForEveryone()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static IResult Feed(HttpContext http, byte[] body, IReadOnlyList<StatusChangeEntry> changes) =>
        PublicAnswers.Bytes(http, body, AtomType + "; charset=utf-8", changes.Count > 0 ? changes.Max(c => c.ChangedAt).UtcDateTime : null);

    /// <summary>The origin the visitor used (forwarded headers already applied), so the feed's links work from where it was read.</summary>
    private static Uri Origin(HttpContext http) => new($"{http.Request.Scheme}://{http.Request.Host}/");
}
