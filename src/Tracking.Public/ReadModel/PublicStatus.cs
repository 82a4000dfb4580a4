using Tracking.Contracts;

namespace Tracking.Public.ReadModel;

/// <summary>A recommendation's status as the public sees it: fewer, plainer steps than the inspectorate's lifecycle.</summary>
public enum PublicStatus
{
    /// <summary>In a published report; the provider has not responded yet.</summary>
    Published,

    /// <summary>The provider has said whether it agrees; no action or evidence reported yet.</summary>
    Responded,

    /// <summary>Actions are planned or done, or evidence has been submitted or reviewed.</summary>
    InProgress,

    ClosedImplemented,

    ClosedNotImplemented,
}

/// <summary>Reads the public status from the state an event carries, so any event alone (in any order) says it.</summary>
public static class PublicStatuses
{
    public static PublicStatus From(RecommendationState state, bool reportsProgress) => state.Status switch
    {
        "AwaitingResponse" => PublicStatus.Published,
        "Closed" => state.ClosedAs == "NotImplemented" ? PublicStatus.ClosedNotImplemented : PublicStatus.ClosedImplemented,
        _ when reportsProgress || state.OpenActions > 0 || state.EvidenceAwaitingReview > 0 || state.LastEvidenceOn is not null
            => PublicStatus.InProgress,
        _ => PublicStatus.Responded,
    };

    public static bool IsClosed(this PublicStatus status) => status is PublicStatus.ClosedImplemented or PublicStatus.ClosedNotImplemented;

    /// <summary>The words pages and feeds use.</summary>
    public static string Describe(this PublicStatus status) => status switch
    {
        PublicStatus.Published => "Published",
        PublicStatus.Responded => "Responded",
        PublicStatus.InProgress => "In progress",
        PublicStatus.ClosedImplemented => "Closed: implemented",
        PublicStatus.ClosedNotImplemented => "Closed: not implemented",
        _ => status.ToString(),
    };

    public static bool TryRead(string text, out PublicStatus status) =>
        Enum.TryParse(text.Trim(), ignoreCase: true, out status) && Enum.IsDefined(status);
}
