namespace Tracking.Notifications.Rules;

/// <summary>Who a rule tells, resolved from the service's own directory when the event arrives.</summary>
[Flags]
public enum Audience
{
    /// <summary>Active provider managers of the event's provider.</summary>
    ProviderManagers = 1,
    /// <summary>The owner named on the event's action.</summary>
    ActionOwner = 2,
    /// <summary>The inspector who published the recommendation's inspection; every active inspector when no person did (demo data).</summary>
    LeadInspector = 4,
    /// <summary>Every active planner.</summary>
    Planners = 8,
}
