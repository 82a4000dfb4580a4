namespace Tracking.Contracts;

/// <summary>What a deadline is for; carried as text in events.</summary>
public static class DeadlineKind
{
    /// <summary>The provider's response and action plan, due a configurable time after publication.</summary>
    public const string Response = "Response";

    /// <summary>An action's target date.</summary>
    public const string Action = "Action";

    /// <summary>The recommendation's own target date, when the provider gave one.</summary>
    public const string TargetDate = "TargetDate";

    /// <summary>The inspectorate's review of submitted evidence, within its own service level.</summary>
    public const string EvidenceReview = "EvidenceReview";
}
