using Microsoft.AspNetCore.Mvc;
using Tracking.Web.Api;

namespace Tracking.Web.Pages;

/// <summary>Home: a provider manager's own recommendations, or every provider's for the inspectorate, with what is due next.</summary>
public sealed class IndexModel : PortalPage
{
    private readonly TrackingApi _api;

    public IndexModel(TrackingApi api) => _api = api;

    public IReadOnlyList<OutstandingRow> Rows { get; private set; } = [];

    public bool ShowProvider => !IsProviderManager;

    public string Heading => IsProviderManager ? "Your recommendations" : "Open recommendations";

    public async Task<IActionResult> OnGetAsync()
    {
        var provider = IsProviderManager ? ProviderId : null;
        var result = await _api.Outstanding(provider);
        // Planning's rows may not carry the next due date yet; scheduling's open deadlines always do.
        var deadlines = ((await _api.Schedule(provider)).Value?.Deadlines ?? [])
            .Where(d => d.Status == "Open")
            .GroupBy(d => d.RecommendationId)
            .ToDictionary(g => g.Key, g => g.Min(d => d.DueOn));
        Rows = (result.Value?.Items ?? [])
            .Select(r => r.NextDueOn is null && deadlines.TryGetValue(r.RecommendationId, out var due) ? r with { NextDueOn = due } : r)
            .Where(r => r.Status != "Closed")
            .OrderBy(r => r.NextDueOn ?? DateOnly.MaxValue).ThenBy(r => r.Number)
            .ToList();
        return Page();
    }
}
