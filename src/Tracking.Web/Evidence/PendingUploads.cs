using Microsoft.Extensions.Caching.Memory;
using Tracking.Web.Api;

namespace Tracking.Web.Evidence;

/// <summary>
/// Files uploaded one by one from the evidence page while JavaScript is on (MOJ multi-file upload), kept until the person
/// presses Continue, when they join the draft with whatever the plain file inputs sent. Kept 30 minutes after the last
/// change, only for the person who uploaded them and the recommendation they were uploaded for.
/// </summary>
public sealed class PendingUploads(IMemoryCache cache)
{
    public sealed record Upload(string Id, UploadedFile File);

    private sealed record Set(string Owner, Guid RecommendationId, List<Upload> Files);

    // The component sends the files of one choice in parallel: the set is read and changed under one lock.
    private readonly Lock _gate = new();

    /// <summary>Adds the file, or returns null when the set already holds the most files evidence may have.</summary>
    public Upload? Add(string key, string owner, Guid recommendationId, UploadedFile file)
    {
        lock (_gate)
        {
            var set = Find(key, owner, recommendationId);
            if (set is null)
            {
                if (cache.TryGetValue(Key(key), out _))
                {
                    return null;
                }

                set = new Set(owner, recommendationId, []);
            }

            if (set.Files.Count >= EvidenceFileRules.MaxFiles)
            {
                return null;
            }

            var upload = new Upload(Guid.NewGuid().ToString("N"), file);
            set.Files.Add(upload);
            cache.Set(Key(key), set, new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(30) });
            return upload;
        }
    }

    public bool Remove(string key, string owner, Guid recommendationId, string uploadId)
    {
        lock (_gate)
        {
            return Find(key, owner, recommendationId)?.Files.RemoveAll(f => f.Id == uploadId) > 0;
        }
    }

    public IReadOnlyList<Upload> All(string? key, string owner, Guid recommendationId)
    {
        if (key is null)
        {
            return [];
        }

        lock (_gate)
        {
            return Find(key, owner, recommendationId)?.Files.ToList() ?? [];
        }
    }

    public void Forget(string key) => cache.Remove(Key(key));

    private Set? Find(string key, string owner, Guid recommendationId) =>
        cache.TryGetValue(Key(key), out Set? set) && set!.Owner == owner && set.RecommendationId == recommendationId ? set : null;

    private static string Key(string key) => "pending-uploads:" + key;
}
