namespace Tracking.Scheduling.Timers;

/// <summary>A published recommendation the scheduling service keeps time for.</summary>
public sealed class TimedRecommendation
{
    public Guid RecommendationId { get; init; }

    public Guid InspectionId { get; init; }

    public string ProviderId { get; init; } = "";

    public int Number { get; init; }

    public DateOnly PublishedOn { get; init; }

    public DateTime RecordedAt { get; init; }
}
