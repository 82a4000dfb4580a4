namespace Tracking.Contracts;

/// <summary>An admin changed a person's name, role or provider.</summary>
public sealed record PersonChanged(Guid PersonId, string Email, string Name, string Role, string? ProviderId, DateTimeOffset OccurredAt);
