namespace Tracking.ServiceDefaults.OpenApi;

/// <summary>
/// A text field read by hand (so a wrong value is named in a 400) whose values are those of an enumeration: the
/// document shows it as that enumeration. On a list, it applies to the items.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class OpenApiEnumAttribute(Type enumType) : Attribute
{
    public Type EnumType { get; } = enumType;
}
