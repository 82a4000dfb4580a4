namespace Tracking.Contracts;

/// <summary>A person completed their invitation, or an admin reactivated them.</summary>
public sealed record PersonActivated(Guid PersonId, string Email, string Name, string Role, string? ProviderId, DateTimeOffset OccurredAt);
