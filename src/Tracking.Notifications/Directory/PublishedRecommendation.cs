namespace Tracking.Notifications.Directory;

/// <summary>A recommendation's inspection and who published it (from InspectionPublished): the lead inspector to tell.</summary>
public sealed class PublishedRecommendation
{
    public Guid RecommendationId { get; set; }

    public Guid InspectionId { get; set; }

    public string ProviderId { get; set; } = "";

    public string ProviderName { get; set; } = "";

    public string InspectionTitle { get; set; } = "";

    /// <summary>The publisher's `sub`; "system:demo-data" for the demo inspection, which no person published.</summary>
    public string PublishedBy { get; set; } = "";
}
