using Tracking.Contracts;

namespace Tracking.Public.ReadModel;

/// <summary>
/// A published recommendation as the public may see it: the report's text, its public status, the response category,
/// dates and the latest progress judgement. Rationales, comments, actions, evidence and people are never stored.
/// </summary>
public sealed class TrackedRecommendation
{
    public Guid RecommendationId { get; init; }

    public Guid InspectionId { get; set; }

    public string ProviderId { get; set; } = "";

    public int Number { get; set; }

    public string Text { get; set; } = "";

    public List<string> Addressees { get; set; } = [];

    public List<string> LinkedStandards { get; set; } = [];

    public DateOnly PublishedOn { get; set; }

    /// <summary>True while only lifecycle events have arrived: hidden until RecommendationPublished fills it in.</summary>
    public bool AwaitingPublication { get; set; }

    public PublicStatus Status { get; set; } = PublicStatus.Published;

    /// <summary>The newest state version applied; older states leave the row as it is.</summary>
    public int Version { get; set; }

    public string? ResponseCategory { get; set; }

    public int ResponseVersion { get; set; }

    public DateOnly? RespondedOn { get; set; }

    public DateOnly? TargetDate { get; set; }

    public string? LastProgressJudgement { get; set; }

    public DateOnly? ClosedOn { get; set; }

    public DateTime LastChangedAt { get; set; }

    /// <summary>Bumped by every event applied, so two events for one recommendation applied at once collide and retry.</summary>
    public int Changes { get; set; }

    public static TrackedRecommendation Placeholder(Guid recommendationId, string providerId) =>
        new() { RecommendationId = recommendationId, ProviderId = providerId, AwaitingPublication = true };

    public void Describe(RecommendationPublished message)
    {
        InspectionId = message.InspectionId;
        ProviderId = message.Provider.Id;
        Number = message.Number;
        Text = message.Text;
        Addressees = [.. message.Addressees];
        LinkedStandards = [.. message.LinkedStandards];
        PublishedOn = message.PublishedOn;
        AwaitingPublication = false;
    }

    /// <summary>Takes the state if newer than the one held; every event counts towards the last-changed time.</summary>
    public void Apply(RecommendationState state, PublicStatus status, DateTimeOffset occurredAt)
    {
        Changes++;
        if (occurredAt.UtcDateTime > LastChangedAt)
        {
            LastChangedAt = occurredAt.UtcDateTime;
        }

        if (state.Version <= Version)
        {
            return;
        }

        Version = state.Version;
        Status = status;
        TargetDate = state.TargetDate;
        LastProgressJudgement = state.LastProgressJudgement;
        ClosedOn = state.ClosedAt is { } closedAt ? UkCalendar.Today(closedAt) : null;
    }

    /// <summary>The category of the newest response version; the first response's day stays the responded-on date.</summary>
    public void Responded(int responseVersion, string category, DateTimeOffset occurredAt)
    {
        var day = UkCalendar.Today(occurredAt);
        if (RespondedOn is null || day < RespondedOn)
        {
            RespondedOn = day;
        }

        if (responseVersion > ResponseVersion)
        {
            ResponseVersion = responseVersion;
            ResponseCategory = category;
        }
    }
}
