namespace Tracking.Planning.ReadModel;

/// <summary>The recommendation statuses the planning view knows; anything not closed is outstanding.</summary>
public static class RecommendationStatuses
{
    public const string AwaitingResponse = "AwaitingResponse";
}
