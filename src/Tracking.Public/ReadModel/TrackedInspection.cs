using Tracking.Contracts;

namespace Tracking.Public.ReadModel;

/// <summary>A published inspection report: its title, date and ratings. Who published it is not kept.</summary>
public sealed class TrackedInspection
{
    public Guid InspectionId { get; init; }

    public string ProviderId { get; set; } = "";

    public string Title { get; set; } = "";

    public string OverallRating { get; set; } = "";

    public DateOnly PublishedOn { get; set; }

    public DateTime PublishedAt { get; set; }

    public List<TrackedStandardRating> Standards { get; set; } = [];

    public static TrackedInspection From(InspectionPublished message) => new()
    {
        InspectionId = message.InspectionId,
        ProviderId = message.Provider.Id,
        Title = message.Title,
        OverallRating = message.OverallRating,
        PublishedOn = message.PublishedOn,
        PublishedAt = message.PublishedAt.UtcDateTime,
        Standards = [.. message.Standards.Select(s => new TrackedStandardRating { Code = s.Code, Name = s.Name, Rating = s.Rating })],
    };
}

public sealed class TrackedStandardRating
{
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public string Rating { get; set; } = "";
}
