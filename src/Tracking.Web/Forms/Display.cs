using System.Globalization;

namespace Tracking.Web.Forms;

/// <summary>How the pages write the API's values: GOV.UK dates ("29 January 2027") and plain-English statuses.</summary>
public static class Display
{
    // The server runs with invariant globalization; its month names are the English ones GOV.UK dates use.
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", English);

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "Not set";

    public static string Date(DateTimeOffset at) => at.ToString("d MMMM yyyy", English);

    public static string DateTime(DateTimeOffset at) => at.ToString("d MMMM yyyy 'at' h:mmtt", English).Replace("AM", "am").Replace("PM", "pm");

    public static string Status(string status) => status switch
    {
        "AwaitingResponse" => "Awaiting response",
        "InProgress" => "In progress",
        "EvidenceSubmitted" => "Evidence submitted",
        "Closed" => "Closed",
        "Draft" => "Draft",
        _ => status,
    };

    /// <summary>One colour per status; tags are never links.</summary>
    public static string StatusTagClass(string status) => status switch
    {
        "AwaitingResponse" => "govuk-tag govuk-tag--blue",
        "InProgress" => "govuk-tag govuk-tag--light-blue",
        "EvidenceSubmitted" => "govuk-tag govuk-tag--purple",
        "Closed" => "govuk-tag govuk-tag--grey",
        _ => "govuk-tag",
    };

    public static string Response(string response) => response switch
    {
        "Agreed" => "Agreed",
        "PartlyAgreed" => "Partly agreed",
        "NotAgreed" => "Not agreed",
        _ => response,
    };

    public static string Judgement(string? judgement) => judgement switch
    {
        "NoMeaningfulProgress" => "No meaningful progress",
        "InsufficientProgress" => "Insufficient progress",
        "ReasonableProgress" => "Reasonable progress",
        "GoodProgress" => "Good progress",
        null => "None given",
        _ => judgement,
    };

    public static string Outcome(string? outcome) => outcome switch
    {
        "Accepted" => "Accepted",
        "MoreNeeded" => "More needed",
        null => "Awaiting review",
        _ => outcome,
    };

    public static string Decision(string decision) => decision switch
    {
        "Pending" => "Awaiting decision",
        "Approved" => "Approved",
        "Refused" => "Refused",
        _ => decision,
    };

    public static string DecisionTagClass(string decision) => decision switch
    {
        "Approved" => "govuk-tag govuk-tag--green",
        "Refused" => "govuk-tag govuk-tag--red",
        _ => "govuk-tag govuk-tag--yellow",
    };

    public static string Closure(string? closedAs) => closedAs switch
    {
        "Implemented" => "Implemented",
        "NotImplemented" => "Not implemented",
        null => "Not closed",
        _ => closedAs,
    };

    public static string Rating(string rating) => rating switch
    {
        "RequiresImprovement" => "Requires improvement",
        _ => rating,
    };

    public static string Addressee(string addressee) => addressee switch
    {
        "Hmpps" => "HMPPS",
        "MinistryOfJustice" => "Ministry of Justice",
        _ => addressee,
    };

    public static string Size(long bytes) => bytes < 1024 * 1024 ? $"{Math.Max(1, bytes / 1024)} KB" : $"{bytes / (1024.0 * 1024):0.#} MB";

    /// <summary>What a provider manager must do next, in a sentence.</summary>
    public static string NextStep(string status, DateOnly? due, int openActions) => status switch
    {
        "AwaitingResponse" => due is { } d ? $"Respond by {Date(d)}" : "Respond",
        "InProgress" when openActions == 0 => "Plan actions or submit evidence",
        "InProgress" => due is { } d ? $"Complete actions and submit evidence by {Date(d)}" : "Complete actions and submit evidence",
        "EvidenceSubmitted" => "Wait for the inspectorate to review your evidence",
        "Closed" => "Nothing to do",
        _ => "",
    };
}
