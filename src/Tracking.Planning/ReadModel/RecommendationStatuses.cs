namespace Tracking.Planning.ReadModel;

/// <summary>The recommendation statuses the planning view knows; anything not closed is outstanding.</summary>
public static class RecommendationStatuses
{
    public const string AwaitingResponse = "AwaitingResponse";

    public const string InProgress = "InProgress";

    public const string EvidenceSubmitted = "EvidenceSubmitted";

    public const string Closed = "Closed";

    public static readonly IReadOnlyList<string> All = [AwaitingResponse, InProgress, EvidenceSubmitted, Closed];

    /// <summary>Reads a status a person typed, in any case, as the name the read model stores.</summary>
    public static bool TryRead(string text, out string status)
    {
        status = All.FirstOrDefault(s => string.Equals(s, text.Trim(), StringComparison.OrdinalIgnoreCase)) ?? "";
        return status.Length > 0;
    }
}
