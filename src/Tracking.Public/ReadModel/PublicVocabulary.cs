namespace Tracking.Public.ReadModel;

/// <summary>
/// The values the recommendations service sends as text, named as its OpenAPI enumerations are so the document shows
/// one enumeration each. The public tracker passes them on as received.
/// </summary>
internal static class PublicVocabulary
{
    public static readonly string[] Ratings = ["Outstanding", "Good", "RequiresImprovement", "Inadequate"];

    public static readonly string[] ResponseKinds = ["Agreed", "PartlyAgreed", "NotAgreed"];

    public static readonly string[] ProgressJudgements = ["NoMeaningfulProgress", "InsufficientProgress", "ReasonableProgress", "GoodProgress"];

    /// <summary>The inspection framework's standards, as the recommendations service validates them.</summary>
    public static readonly string[] Standards = ["1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2"];

    public static string DescribeRating(string rating) => rating switch
    {
        "RequiresImprovement" => "Requires improvement",
        _ => rating,
    };

    public static string DescribeResponse(string? response) => response switch
    {
        "Agreed" => "Agreed",
        "PartlyAgreed" => "Partly agreed",
        "NotAgreed" => "Not agreed",
        null => "",
        _ => response,
    };

    public static string DescribeJudgement(string? judgement) => judgement switch
    {
        "NoMeaningfulProgress" => "No meaningful progress",
        "InsufficientProgress" => "Insufficient progress",
        "ReasonableProgress" => "Reasonable progress",
        "GoodProgress" => "Good progress",
        null => "",
        _ => judgement,
    };
}
