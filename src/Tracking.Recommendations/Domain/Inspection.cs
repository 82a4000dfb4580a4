using Tracking.Contracts;
using Tracking.ServiceDefaults.Http;

namespace Tracking.Recommendations.Domain;

public enum InspectionStatus
{
    Draft,
    Published,
}

public sealed class InspectionStandard
{
    public string Code { get; init; } = "";

    public Rating Rating { get; init; }
}

/// <summary>An inspection of one provider: its ratings and the recommendations it makes, tracked once published.</summary>
public sealed class Inspection
{
    public Guid Id { get; init; }

    public string ProviderId { get; init; } = "";

    public string ProviderName { get; init; } = "";

    public string Region { get; init; } = "";

    public string Title { get; init; } = "";

    public DateOnly FieldworkStartedOn { get; init; }

    public DateOnly? FieldworkEndedOn { get; init; }

    public Rating OverallRating { get; init; }

    public List<InspectionStandard> Standards { get; init; } = [];

    public List<Recommendation> Recommendations { get; init; } = [];

    public InspectionStatus Status { get; private set; }

    public DateOnly? PublishedOn { get; private set; }

    public DateTime? PublishedAt { get; private set; }

    public DateTime RecordedAt { get; init; }

    /// <summary>Subject of the inspector who recorded it, from their token.</summary>
    public string RecordedBy { get; init; } = "";

    public string? PublishedBy { get; private set; }

    /// <summary>Optimistic concurrency: two publications racing each other cannot both win.</summary>
    public int Version { get; private set; }

    public ProviderRef Provider => new(ProviderId, ProviderName, Region);

    /// <summary>Publishes the inspection; its recommendations start awaiting the provider's response.</summary>
    /// <param name="publishedByName">The person's name for the history line; the subject when not known.</param>
    public (InspectionPublished Inspection, IReadOnlyList<RecommendationPublished> Recommendations) Publish(
        DateOnly publishedOn, DateTimeOffset now, string publishedBy, string? publishedByName = null)
    {
        if (Status == InspectionStatus.Published)
        {
            throw new ConflictException($"Inspection {Id} was already published on {PublishedOn:yyyy-MM-dd}.");
        }

        Status = InspectionStatus.Published;
        PublishedOn = publishedOn;
        PublishedAt = now.UtcDateTime;
        PublishedBy = publishedBy;
        Version++;
        var ordered = Recommendations.OrderBy(r => r.Number).ToList();
        foreach (var recommendation in ordered)
        {
            recommendation.MarkPublished(now, new Actor(publishedBy, publishedByName ?? publishedBy));
        }

        var inspectionPublished = new InspectionPublished(
            Id,
            Provider,
            Title,
            OverallRating.ToString(),
            Standards.Select(s => new StandardRating(s.Code, InspectionFramework.Find(s.Code)!.Name, s.Rating.ToString())).ToList(),
            ordered.Select(r => r.Id).ToList(),
            publishedOn,
            now,
            publishedBy);
        var recommendationsPublished = ordered
            .Select(r => new RecommendationPublished(r.Id, Id, Provider, r.Number, r.Text, [.. r.Addressees], [.. r.LinkedStandards], publishedOn, now, r.State()))
            .ToList();
        return (inspectionPublished, recommendationsPublished);
    }
}
