namespace Tracking.Web.Inspections;

/// <summary>
/// The ten standards and the rating scale the recording form asks about, as the recommendations API's framework has them
/// (the portal owns no domain data; the API validates every code and rating again).
/// </summary>
public static class InspectionFramework
{
    public static readonly IReadOnlyList<(string Code, string Name)> Standards =
    [
        ("1.1", "Leadership"),
        ("1.2", "Staff"),
        ("1.3", "Services"),
        ("1.4", "Information and facilities"),
        ("2.1", "Assessment"),
        ("2.2", "Planning"),
        ("2.3", "Implementation and delivery"),
        ("2.4", "Reviewing"),
        ("3.1", "Unpaid work"),
        ("3.2", "Through the Gate"),
    ];

    public static readonly IReadOnlyList<(string Value, string Label)> Ratings =
    [
        ("Outstanding", "Outstanding"),
        ("Good", "Good"),
        ("RequiresImprovement", "Requires improvement"),
        ("Inadequate", "Inadequate"),
    ];

    public static readonly IReadOnlyList<(string Value, string Label)> Addressees =
    [
        ("Provider", "The provider"),
        ("Hmpps", "HMPPS"),
        ("MinistryOfJustice", "Ministry of Justice"),
    ];
}
