using Tracking.Contracts;

namespace Tracking.Planning.ReadModel;

/// <summary>
/// One piece of evidence a provider submitted and, once reviewed, the inspectorate's outcome; kept from
/// EvidenceSubmitted and EvidenceReviewed only. Evidence files and narratives stay in the recommendations service.
/// </summary>
/// <remarks>
/// A review that overtakes its submission creates the row; the submission then fills in its dates without touching
/// the outcome, so "reviewed" is never undone. Of several reviews the one that happened last wins.
/// </remarks>
public sealed class EvidenceItem
{
    public Guid EvidenceId { get; init; }

    public Guid RecommendationId { get; set; }

    /// <summary>The day the evidence speaks for, as the provider gave it; null until EvidenceSubmitted has arrived.</summary>
    public DateOnly? EffectiveDate { get; set; }

    public DateTime? SubmittedAt { get; set; }

    /// <summary>Accepted or MoreNeeded; null while awaiting review.</summary>
    public string? Outcome { get; set; }

    public string? ProgressJudgement { get; set; }

    public DateTime? ReviewedAt { get; set; }

    /// <summary>Counts changes; two events for one row consumed at once cannot both save, the loser is retried on the newer row.</summary>
    public int Changes { get; set; }

    public void Submitted(EvidenceSubmitted message)
    {
        Changes++;
        RecommendationId = message.RecommendationId;
        EffectiveDate = message.EffectiveDate;
        SubmittedAt = message.OccurredAt.UtcDateTime;
    }

    public void Reviewed(EvidenceReviewed message)
    {
        Changes++;
        RecommendationId = message.RecommendationId;
        var at = message.OccurredAt.UtcDateTime;
        if (ReviewedAt is { } later && later > at)
        {
            return;
        }

        Outcome = message.Outcome;
        ProgressJudgement = message.ProgressJudgement;
        ReviewedAt = at;
    }
}
