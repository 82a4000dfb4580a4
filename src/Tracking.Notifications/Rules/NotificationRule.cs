namespace Tracking.Notifications.Rules;

/// <summary>
/// One "who is told what": the event, the audience, whether the mail is essential (sent whatever the person's
/// settings), and its template in the GOV.UK Notify style: ((placeholders)) in a subject and a plain-text body.
/// </summary>
public sealed record NotificationRule(string Name, string Event, Audience Audience, bool Essential, string Subject, string Body);
