namespace Tracking.Planning.Features.ViewOutstanding;

/// <summary>
/// The ten standards of the inspection framework, copied here because planning hears of recommendations only
/// through events and must not depend on the recommendations service to check a filter.
/// </summary>
public static class FrameworkStandards
{
    public static readonly IReadOnlyList<(string Code, string Name)> All =
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

    public static bool IsKnown(string code) => All.Any(s => s.Code == code);

    public static string? NameOf(string code) => All.FirstOrDefault(s => s.Code == code).Name;
}

/// <summary>Who a recommendation can be addressed to, as the recommendations service names them in its events.</summary>
public static class RecommendationAddressees
{
    public static readonly IReadOnlyList<string> All = ["Provider", "Hmpps", "MinistryOfJustice"];

    public static bool TryRead(string text, out string addressee)
    {
        addressee = All.FirstOrDefault(a => string.Equals(a, text.Trim(), StringComparison.OrdinalIgnoreCase)) ?? "";
        return addressee.Length > 0;
    }
}
