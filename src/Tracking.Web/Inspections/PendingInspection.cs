using Microsoft.Extensions.Caching.Memory;

namespace Tracking.Web.Inspections;

/// <summary>
/// An inspection being recorded, between its form pages and "Save as draft": kept here (not in the API, which takes a
/// whole inspection) so the journey works without JavaScript. Kept 2 hours from the last page, only for the person recording it.
/// </summary>
public sealed class PendingInspection(IMemoryCache cache)
{
    public sealed class Draft(string owner)
    {
        public string Owner { get; } = owner;

        public string? ProviderId { get; set; }

        public string? ProviderName { get; set; }

        public string? Region { get; set; }

        public string? Title { get; set; }

        public DateOnly? FieldworkStartedOn { get; set; }

        public DateOnly? FieldworkEndedOn { get; set; }

        public Dictionary<string, string> Ratings { get; } = [];

        public string? OverallRating { get; set; }

        public List<RecommendationDraft> Recommendations { get; } = [];
    }

    public sealed record RecommendationDraft(string Text, IReadOnlyList<string> Addressees, IReadOnlyList<string> LinkedStandards);

    public string Start(string owner)
    {
        var key = Guid.NewGuid().ToString("N");
        Keep(key, new Draft(owner));
        return key;
    }

    public Draft? Find(string? key, string owner)
    {
        if (key is null || !cache.TryGetValue(Key(key), out Draft? draft) || draft!.Owner != owner)
        {
            return null;
        }

        Keep(key, draft);
        return draft;
    }

    public void Forget(string key) => cache.Remove(Key(key));

    private void Keep(string key, Draft draft) => cache.Set(Key(key), draft, new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromHours(2) });

    private static string Key(string key) => "pending-inspection:" + key;
}
