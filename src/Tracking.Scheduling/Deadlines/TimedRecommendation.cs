namespace Tracking.Scheduling.Deadlines;

/// <summary>A published recommendation the scheduling service keeps time for.</summary>
public sealed class TimedRecommendation
{
    public Guid RecommendationId { get; init; }

    public Guid InspectionId { get; set; }

    public string ProviderId { get; set; } = "";

    public int Number { get; set; }

    public DateOnly PublishedOn { get; set; }

    public DateTime RecordedAt { get; init; }

    /// <summary>Closed recommendations get no new deadlines and are left out of follow-up reviews.</summary>
    public bool Closed { get; set; }

    /// <summary>Rises with every change to the recommendation's timers, so changes to one recommendation take turns.</summary>
    public int Version { get; set; }
}
