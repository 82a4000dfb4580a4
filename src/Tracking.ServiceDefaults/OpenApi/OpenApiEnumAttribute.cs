namespace Tracking.ServiceDefaults.OpenApi;

/// <summary>
/// A text field whose values are a fixed set, such as an enumeration read by hand (so a wrong value is named in a
/// 400) or a status another service sends as text: the document shows it as that enumeration. On a list, it applies
/// to the items. Two fields naming the same enumeration must list the same values.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class OpenApiEnumAttribute : Attribute
{
    public OpenApiEnumAttribute(Type enumType) : this(enumType.Name, Enum.GetNames(enumType))
    {
    }

    public OpenApiEnumAttribute(string name, params string[] values)
    {
        Name = name;
        Values = values;
    }

    public string Name { get; }

    public IReadOnlyList<string> Values { get; }
}
