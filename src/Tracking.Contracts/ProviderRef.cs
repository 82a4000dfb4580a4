namespace Tracking.Contracts;

/// <summary>The inspected organisation, as every event names it so consumers never call back.</summary>
public sealed record ProviderRef(string Id, string Name, string Region);
