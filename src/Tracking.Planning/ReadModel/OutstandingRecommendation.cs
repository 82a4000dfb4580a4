using Tracking.Contracts;

namespace Tracking.Planning.ReadModel;

/// <summary>A recommendation as planners see it: one row per published recommendation, kept from events only.</summary>
public sealed class OutstandingRecommendation
{
    /// <summary>What RecommendationPublished means when an older producer sent it without a state.</summary>
    public static readonly RecommendationState FirstState = new(RecommendationStatuses.AwaitingResponse, 1, null, null, 0, 0, null, null, null, null);

    public Guid RecommendationId { get; init; }

    public Guid InspectionId { get; set; }

    public string ProviderId { get; set; } = "";

    public int Number { get; set; }

    public string Text { get; set; } = "";

    public List<string> Addressees { get; set; } = [];

    public List<string> LinkedStandards { get; set; } = [];

    public DateOnly PublishedOn { get; set; }

    public DateTime PublishedAt { get; set; }

    /// <summary>True for a row a lifecycle event created before its RecommendationPublished arrived; hidden until then.</summary>
    public bool AwaitingPublication { get; set; }

    public string Status { get; set; } = RecommendationStatuses.AwaitingResponse;

    /// <summary>The version of the newest state applied; older or repeated states are ignored.</summary>
    public int Version { get; set; }

    public DateOnly? TargetDate { get; set; }

    /// <summary>The next action or target date as the recommendations service reports it in the state.</summary>
    public DateOnly? NextDueOn { get; set; }

    /// <summary>The earliest deadline of any kind the scheduling service has opened and not yet closed.</summary>
    public DateOnly? EarliestOpenDeadline { get; set; }

    /// <summary>Concurrency token: two deadline events for one recommendation each recompute the earliest; the later one retries.</summary>
    public int DeadlineChanges { get; set; }

    /// <summary>What planners see as next due: the earlier of the state's date and the earliest open deadline; nothing once closed.</summary>
    public DateOnly? NextDue => Status == RecommendationStatuses.Closed ? null : Earliest(NextDueOn, EarliestOpenDeadline);

    public static DateOnly? Earliest(DateOnly? first, DateOnly? second) =>
        first is { } a && second is { } b ? (a < b ? a : b) : first ?? second;

    public int OpenActions { get; set; }

    public int EvidenceAwaitingReview { get; set; }

    public DateOnly? LastEvidenceOn { get; set; }

    public string? LastProgressJudgement { get; set; }

    public string? ClosedAs { get; set; }

    public DateTime? ClosedAt { get; set; }

    /// <summary>A row holding only the state, for a lifecycle event that overtook its RecommendationPublished.</summary>
    public static OutstandingRecommendation Placeholder(Guid recommendationId, string providerId) =>
        new() { RecommendationId = recommendationId, ProviderId = providerId, AwaitingPublication = true };

    /// <summary>Takes the state an event reports if it is newer than the one held; returns whether anything changed.</summary>
    public bool Apply(RecommendationState state)
    {
        if (state.Version <= Version)
        {
            return false;
        }

        Version = state.Version;
        Status = state.Status;
        TargetDate = state.TargetDate;
        NextDueOn = state.NextDueOn;
        OpenActions = state.OpenActions;
        EvidenceAwaitingReview = state.EvidenceAwaitingReview;
        LastEvidenceOn = state.LastEvidenceOn;
        LastProgressJudgement = state.LastProgressJudgement;
        ClosedAs = state.ClosedAs;
        ClosedAt = state.ClosedAt?.UtcDateTime;
        return true;
    }

    /// <summary>Takes the earliest open deadline from the recommendation's deadline rows as they stand now.</summary>
    public void FollowDeadlines(IEnumerable<ScheduledDeadline> deadlines)
    {
        EarliestOpenDeadline = deadlines.Where(d => !d.Closed).Select(d => (DateOnly?)d.DueOn).Min();
        DeadlineChanges++;
    }

    /// <summary>Fills in what only RecommendationPublished carries; the state follows the same newest-wins rule.</summary>
    public void Describe(RecommendationPublished message)
    {
        InspectionId = message.InspectionId;
        ProviderId = message.Provider.Id;
        Number = message.Number;
        Text = message.Text;
        Addressees = [.. message.Addressees];
        LinkedStandards = [.. message.LinkedStandards];
        PublishedOn = message.PublishedOn;
        PublishedAt = message.PublishedAt.UtcDateTime;
        AwaitingPublication = false;
        Apply(message.State ?? FirstState);
    }
}
