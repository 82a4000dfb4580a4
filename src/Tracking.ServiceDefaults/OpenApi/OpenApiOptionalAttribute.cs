namespace Tracking.ServiceDefaults.OpenApi;

/// <summary>
/// A request field the server lets a client leave out. Request records take every field as a nullable positional
/// parameter (so a missing one is named in a 400, not refused by the binder); this says which of them really are optional.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class OpenApiOptionalAttribute : Attribute;
