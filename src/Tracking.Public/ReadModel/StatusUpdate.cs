namespace Tracking.Public.ReadModel;

/// <summary>
/// One version of a recommendation's public status, from the event that produced it. Kept in version order with its
/// predecessor's status, so a status change is known whatever order the events arrived in; the feeds list the changes.
/// </summary>
public sealed class StatusUpdate
{
    public Guid RecommendationId { get; init; }

    public int Version { get; init; }

    public string ProviderId { get; set; } = "";

    public DateTime OccurredAt { get; set; }

    public PublicStatus Status { get; set; }

    /// <summary>The status of the version before this one that has arrived; null for the first.</summary>
    public PublicStatus? PreviousStatus { get; set; }

    public bool IsStatusChange { get; set; }

    /// <summary>The judgement an evidence review gave at this version, if any (its comment is not kept).</summary>
    public string? ProgressJudgement { get; set; }

    public void Follows(StatusUpdate? previous)
    {
        PreviousStatus = previous?.Status;
        IsStatusChange = previous is null || previous.Status != Status;
    }
}
