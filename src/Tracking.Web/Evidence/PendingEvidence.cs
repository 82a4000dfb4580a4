using Microsoft.Extensions.Caching.Memory;
using Tracking.Web.Api;

namespace Tracking.Web.Evidence;

/// <summary>
/// Evidence between "Continue" and "Submit": the files a person chose stay here (not in the API) until they confirm
/// on the check-answers page, so the journey works without JavaScript. Kept 30 minutes, only for the person who chose them.
/// </summary>
public sealed class PendingEvidence(IMemoryCache cache)
{
    public sealed record Draft(string Owner, Guid RecommendationId, string Narrative, DateOnly EffectiveDate, IReadOnlyList<Guid> ActionIds,
        IReadOnlyList<UploadedFile> Files);

    public string Keep(Draft draft)
    {
        var key = Guid.NewGuid().ToString("N");
        cache.Set(Key(key), draft, TimeSpan.FromMinutes(30));
        return key;
    }

    public Draft? Find(string? key, string owner, Guid recommendationId) =>
        key is not null && cache.TryGetValue(Key(key), out Draft? draft) && draft!.Owner == owner && draft.RecommendationId == recommendationId
            ? draft
            : null;

    public void Forget(string key) => cache.Remove(Key(key));

    private static string Key(string key) => "pending-evidence:" + key;
}
