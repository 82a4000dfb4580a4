namespace Tracking.Planning.ReadModel;

/// <summary>A provider planners can see, with its latest published inspection.</summary>
public sealed class PlannedProvider
{
    public string ProviderId { get; init; } = "";

    public string Name { get; set; } = "";

    public string Region { get; set; } = "";

    public Guid? LastInspectionId { get; set; }

    public string? LastInspectionTitle { get; set; }

    public string? LastInspectionRating { get; set; }

    public DateOnly? LastInspectionPublishedOn { get; set; }
}
