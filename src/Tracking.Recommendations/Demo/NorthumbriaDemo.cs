using Tracking.Recommendations.Features.RecordInspection;

namespace Tracking.Recommendations.Demo;

/// <summary>
/// HM Inspectorate of Probation's 2019 inspection of Northumbria CRC (report published 11 February 2020).
/// The provider, dates and overall rating are the report's; the exact wording of its eight recommendations is
/// not in our sources, so their text here is paraphrased from the findings and marked illustrative, and the
/// per-standard ratings other than case supervision are illustrative too. Real text can be imported over them.
/// </summary>
public static class NorthumbriaDemo
{
    public const string ProviderId = "northumbria-crc";
    public static readonly DateOnly PublishedOn = new(2020, 2, 11);

    private const string Illustrative = "[Illustrative text] ";

    public static RecordInspectionRequest Inspection() => new(
        new ProviderInput(ProviderId, "Northumbria Community Rehabilitation Company", "North East"),
        "An inspection of Northumbria Community Rehabilitation Company",
        new DateOnly(2019, 9, 16),
        new DateOnly(2019, 9, 27),
        "RequiresImprovement",
        [
            new("1.1", "RequiresImprovement"),
            new("1.2", "Good"),
            new("1.3", "Good"),
            new("1.4", "RequiresImprovement"),
            new("2.1", "RequiresImprovement"),
            new("2.2", "RequiresImprovement"),
            new("2.3", "RequiresImprovement"),
            new("2.4", "RequiresImprovement"),
            new("3.1", "RequiresImprovement"),
            new("3.2", "Good"),
        ],
        [
            Recommendation(1, "Analyse the risks of harm identified at assessment in depth, with greater professional curiosity, rather than recording them without exploration.", "2.1"),
            Recommendation(2, "Make sure that plans set out how each identified risk of harm will be managed, and are agreed with the person on probation.", "2.2"),
            Recommendation(3, "Give sufficient consideration to the safety of actual and potential victims in assessment, planning and delivery.", "2.1", "2.2", "2.3"),
            Recommendation(4, "Complete the home visits that risk-of-harm management requires; only a third of expected visits took place.", "2.3"),
            Recommendation(5, "Review cases when circumstances change, so that the assessment of risk of harm stays current.", "2.4"),
            Recommendation(6, "Strengthen management oversight of risk-of-harm work, so that weaknesses are found and corrected case by case.", "1.1", "2.3"),
            Recommendation(7, "Build on the investment in training so that all responsible officers are confident in assessing and managing risk of harm.", "1.2"),
            new RecommendationInput(8, Illustrative + "Make sure the CRC receives domestic abuse and safeguarding information from partner agencies in time to inform assessment.",
                ["Provider", "Hmpps"], ["1.4", "2.1"]),
        ]);

    private static RecommendationInput Recommendation(int number, string text, params string[] standards) =>
        new(number, Illustrative + text, ["Provider"], [.. standards]);
}
