namespace Tracking.Notifications.Rules;

/// <summary>
/// Every rule, as data: change who hears what here (and the table in the README). Each body ends with the portal
/// link; the settings link is added to every mail by the template.
/// </summary>
public static class NotificationRules
{
    public static readonly NotificationRule Publication = new("publication", "InspectionPublished", Audience.ProviderManagers, false,
        "Inspection report published: ((inspection))",
        "The inspection report ((inspection)) for ((provider)) has been published with ((count)) recommendations.\n\nRespond to each recommendation and plan your actions: ((link))");

    public static readonly NotificationRule ResponseSubmitted = new("response-submitted", "ProviderResponded", Audience.LeadInspector, false,
        "((provider)) responded to a recommendation",
        "((provider)) responded to a recommendation from ((inspection)): ((response)).\n\nReview the response: ((link))");

    public static readonly NotificationRule ResponseAccepted = new("response-accepted", "ResponseAccepted", Audience.ProviderManagers, false,
        "Your response was accepted",
        "The inspectorate accepted your response to a recommendation from ((inspection)).\n\nSee the recommendation: ((link))");

    public static readonly NotificationRule ActionAssigned = new("action-assigned", "ActionPlanned", Audience.ActionOwner, false,
        "You own an action due on ((due_on))",
        "You have been named as the owner of an action for ((provider)):\n\n((action))\n\nIt is due on ((due_on)). Send evidence of progress: ((link))");

    public static readonly NotificationRule EvidenceSubmitted = new("evidence-submitted", "EvidenceSubmitted", Audience.LeadInspector, false,
        "((provider)) submitted evidence",
        "((provider)) submitted evidence (((files)) files) for a recommendation from ((inspection)).\n\nReview the evidence: ((link))");

    public static readonly NotificationRule EvidenceReviewed = new("evidence-reviewed", "EvidenceReviewed", Audience.ProviderManagers, false,
        "Your evidence was reviewed: ((outcome))",
        "The inspectorate reviewed your evidence: ((outcome)).\n\n((comment))\n\nSee the recommendation: ((link))");

    public static readonly NotificationRule RevisionRequested = new("revision-requested", "TargetDateRevisionRequested", Audience.LeadInspector, false,
        "((provider)) asked to move a target date",
        "((provider)) asked to move a target date to ((requested_date)): ((reason))\n\nDecide the request: ((link))");

    public static readonly NotificationRule RevisionDecided = new("revision-decided", "TargetDateRevisionDecided", Audience.ProviderManagers, false,
        "Your request to move a target date was ((decision))",
        "Your request to move a target date to ((requested_date)) was ((decision)).\n\n((comment))\n\nSee the recommendation: ((link))");

    public static readonly NotificationRule DeadlineReminder = new("deadline-reminder", "DeadlineApproaching", Audience.ProviderManagers, false,
        "Reminder: ((what)) due in ((days)) days",
        "((what)) for ((provider)) is due on ((due_on)), in ((days)) days.\n\nSee the recommendation: ((link))");

    public static readonly NotificationRule ActionReminder = new("action-reminder", "DeadlineApproaching", Audience.ActionOwner, false,
        "Reminder: your action is due in ((days)) days",
        "Your action for ((provider)) is due on ((due_on)), in ((days)) days:\n\n((action))\n\nSend evidence of progress: ((link))");

    public static readonly NotificationRule DeadlineMissed = new("deadline-missed", "DeadlineMissed", Audience.ProviderManagers | Audience.LeadInspector, true,
        "Missed deadline: ((what)) was due on ((due_on))",
        "((what)) for ((provider)) was due on ((due_on)) and is now ((days)) days overdue.\n\nSee the recommendation: ((link))");

    public static readonly NotificationRule ActionMissed = new("action-missed", "DeadlineMissed", Audience.ActionOwner, true,
        "Missed target date: your action was due on ((due_on))",
        "Your action for ((provider)) was due on ((due_on)) and is now ((days)) days overdue:\n\n((action))\n\nSend evidence or ask to move the date: ((link))");

    public static readonly NotificationRule Escalation = new("escalation", "DeadlineMissed", Audience.LeadInspector | Audience.Planners, true,
        "Escalation: ((what)) for ((provider)) still not done",
        "((what)) for ((provider)) was due on ((due_on)) and is still not done, ((days)) days later.\n\nSee the recommendation: ((link))");

    public static readonly NotificationRule FollowUpReviewDue = new("follow-up-review-due", "FollowUpReviewDue", Audience.Planners, false,
        "Follow-up review due for ((provider))",
        "A follow-up review of ((inspection)) for ((provider)) is due on ((due_on)); ((count)) recommendations are still open.\n\nSee the provider: ((link))");

    public static readonly NotificationRule UpdateRequest = new("update-request", "UpdateRound", Audience.ActionOwner, false,
        "Update round: please update your action due on ((due_on))",
        "It is time for the ((round)) update round. Please send evidence of progress on your action for ((provider)), due on ((due_on)):\n\n((action))\n\nSend your update, or ask to move the date: ((link))");

    public static readonly IReadOnlyList<NotificationRule> All =
    [
        Publication, ResponseSubmitted, ResponseAccepted, ActionAssigned, EvidenceSubmitted, EvidenceReviewed, RevisionRequested,
        RevisionDecided, DeadlineReminder, ActionReminder, DeadlineMissed, ActionMissed, Escalation, FollowUpReviewDue, UpdateRequest,
    ];
}
