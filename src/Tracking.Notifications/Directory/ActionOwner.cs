namespace Tracking.Notifications.Directory;

/// <summary>Who owns an action (from ActionPlanned): often not a Tracking user, so known by e-mail address alone.</summary>
public sealed class ActionOwner
{
    public Guid ActionId { get; set; }

    public Guid RecommendationId { get; set; }

    public string ProviderId { get; set; } = "";

    public string Description { get; set; } = "";

    public string OwnerName { get; set; } = "";

    public string OwnerEmail { get; set; } = "";

    public DateOnly TargetDate { get; set; }

    /// <summary>Completed, or its recommendation closed: no more update requests.</summary>
    public bool Closed { get; set; }
}
