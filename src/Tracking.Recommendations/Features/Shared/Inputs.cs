using Tracking.ServiceDefaults.Http;

namespace Tracking.Recommendations.Features.Shared;

/// <summary>Checks shared by the lifecycle requests, reported against the field a client sent.</summary>
public static class Inputs
{
    public const int MaxComment = 4000;

    /// <summary>Parses an enumeration given as text, exactly as named (no numbers, no combinations).</summary>
    public static TEnum? Choice<TEnum>(this Validation validation, string? value, string field, bool required = true) where TEnum : struct, Enum
    {
        if (value is null && !required)
        {
            return null;
        }

        if (Enum.GetNames<TEnum>().Contains(value))
        {
            return Enum.Parse<TEnum>(value!);
        }

        validation.Add(field, $"Use one of: {string.Join(", ", Enum.GetNames<TEnum>())}.");
        return null;
    }

    public static Validation Text(this Validation validation, string? value, string field, bool required, int max = MaxComment, string? what = null)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return required ? validation.Add(field, $"Enter {what ?? field}.") : validation;
        }

        return validation.Require(value.Length <= max, field, $"{char.ToUpperInvariant((what ?? field)[0])}{(what ?? field)[1..]} must be {max} characters or fewer.");
    }
}
