using Tracking.Contracts;

namespace Tracking.Notifications.Consumers;

/// <summary>What a deadline is for, in words for the templates' ((what)).</summary>
internal static class DeadlineWording
{
    public static string What(string kind) => kind switch
    {
        DeadlineKind.Response => "The response to a recommendation",
        DeadlineKind.Action => "An action",
        DeadlineKind.TargetDate => "A recommendation's target date",
        DeadlineKind.EvidenceReview => "The review of submitted evidence",
        _ => "A deadline",
    };
}
