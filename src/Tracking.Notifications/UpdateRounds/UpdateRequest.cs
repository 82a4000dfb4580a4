namespace Tracking.Notifications.UpdateRounds;

/// <summary>One action in a round: whom it asked (the e-mail itself goes through the mail queue) and when they answered with evidence.</summary>
public sealed class UpdateRequest
{
    public Guid Id { get; set; }

    public Guid RoundId { get; set; }

    public Guid ActionId { get; set; }

    public Guid RecommendationId { get; set; }

    public string ProviderId { get; set; } = "";

    public string Action { get; set; } = "";

    public string OwnerName { get; set; } = "";

    public string OwnerEmail { get; set; } = "";

    public DateOnly TargetDate { get; set; }

    public DateTime AskedAt { get; set; }

    /// <summary>When evidence for the action (or for its recommendation as a whole) was submitted after the round began.</summary>
    public DateTime? AnsweredAt { get; set; }

    public Guid? EvidenceId { get; set; }
}
