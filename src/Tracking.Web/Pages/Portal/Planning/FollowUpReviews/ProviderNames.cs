using Tracking.Web.Api;

namespace Tracking.Web.Pages.Planning.FollowUpReviews;

/// <summary>
/// Providers' names for follow-up reviews, which scheduling keeps by id only: each review belongs to an inspection, and
/// the inspections list names its provider. A review whose inspection is not listed shows the id.
/// </summary>
public sealed class ProviderNames(IReadOnlyDictionary<Guid, string> byInspection)
{
    public static readonly ProviderNames None = new(new Dictionary<Guid, string>());

    public static async Task<ProviderNames> ByInspection(TrackingApi api) =>
        new((await api.Inspections()).Value?.ToDictionary(i => i.Id, i => i.Provider.Name) ?? []);

    public string For(FollowUpReviewRow review) => byInspection.TryGetValue(review.InspectionId, out var name) ? name : review.ProviderId;
}
