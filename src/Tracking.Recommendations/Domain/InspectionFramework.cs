namespace Tracking.Recommendations.Domain;

public sealed record Standard(string Code, string Name, string Domain);

/// <summary>HMI Probation's 2018–2021 framework for CRC inspections: ten standards in three domains.</summary>
public static class InspectionFramework
{
    public static readonly IReadOnlyList<Standard> Standards =
    [
        new("1.1", "Leadership", "Organisational delivery"),
        new("1.2", "Staff", "Organisational delivery"),
        new("1.3", "Services", "Organisational delivery"),
        new("1.4", "Information and facilities", "Organisational delivery"),
        new("2.1", "Assessment", "Case supervision"),
        new("2.2", "Planning", "Case supervision"),
        new("2.3", "Implementation and delivery", "Case supervision"),
        new("2.4", "Reviewing", "Case supervision"),
        new("3.1", "Unpaid work", "CRC-specific"),
        new("3.2", "Through the Gate", "CRC-specific"),
    ];

    public static Standard? Find(string? code) => Standards.FirstOrDefault(s => s.Code == code);
}

/// <summary>The four-point scale used for each standard and for the inspection overall.</summary>
public enum Rating
{
    Outstanding,
    Good,
    RequiresImprovement,
    Inadequate,
}

/// <summary>Who a recommendation is addressed to: the provider and/or HMPPS or the Ministry of Justice.</summary>
public enum Addressee
{
    Provider,
    Hmpps,
    MinistryOfJustice,
}
