namespace Tracking.Planning.ReadModel;

/// <summary>A recommendation as planners see it: one row per published recommendation, kept from events only.</summary>
public sealed class OutstandingRecommendation
{
    public Guid RecommendationId { get; init; }

    public Guid InspectionId { get; init; }

    public string ProviderId { get; init; } = "";

    public int Number { get; init; }

    public string Text { get; init; } = "";

    public List<string> Addressees { get; init; } = [];

    public List<string> LinkedStandards { get; init; } = [];

    public string Status { get; set; } = "";

    public DateOnly PublishedOn { get; init; }

    public DateTime PublishedAt { get; init; }
}
