namespace Tracking.Public.ReadModel;

/// <summary>An inspected provider as the public tracker lists it.</summary>
public sealed class TrackedProvider
{
    public string ProviderId { get; init; } = "";

    public string Name { get; set; } = "";

    public string Region { get; set; } = "";
}
