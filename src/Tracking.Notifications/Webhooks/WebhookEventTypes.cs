using Tracking.Contracts;

namespace Tracking.Notifications.Webhooks;

/// <summary>The events an endpoint can subscribe to, named as Standard Webhooks suggests (noun.verb).</summary>
public static class WebhookEventTypes
{
    public static readonly IReadOnlyDictionary<Type, string> ByMessage = new Dictionary<Type, string>
    {
        [typeof(InspectionPublished)] = "inspection.published",
        [typeof(ProviderResponded)] = "response.submitted",
        [typeof(ResponseAccepted)] = "response.accepted",
        [typeof(ActionPlanned)] = "action.planned",
        [typeof(EvidenceSubmitted)] = "evidence.submitted",
        [typeof(EvidenceReviewed)] = "evidence.reviewed",
        [typeof(TargetDateRevisionRequested)] = "target-date-revision.requested",
        [typeof(TargetDateRevisionDecided)] = "target-date-revision.decided",
        [typeof(DeadlineApproaching)] = "deadline.approaching",
        [typeof(DeadlineMissed)] = "deadline.missed",
        [typeof(FollowUpReviewDue)] = "follow-up-review.due",
    };

    public static readonly IReadOnlyList<string> All = [.. ByMessage.Values];
}
