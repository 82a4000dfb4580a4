namespace Tracking.Recommendations.Domain;

public sealed class Recommendation
{
    public Guid Id { get; init; }

    public Guid InspectionId { get; init; }

    public Inspection? Inspection { get; init; }

    public string ProviderId { get; init; } = "";

    public int Number { get; init; }

    public string Text { get; init; } = "";

    /// <summary>Names from <see cref="Addressee"/>.</summary>
    public List<string> Addressees { get; init; } = [];

    /// <summary>Codes from <see cref="InspectionFramework"/>.</summary>
    public List<string> LinkedStandards { get; init; } = [];

    public RecommendationStatus Status { get; private set; }

    public DateTime? PublishedAt { get; private set; }

    internal void MarkPublished(DateTimeOffset now)
    {
        Status = RecommendationStatus.AwaitingResponse;
        PublishedAt = now.UtcDateTime;
    }
}
