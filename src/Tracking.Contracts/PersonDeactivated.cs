namespace Tracking.Contracts;

/// <summary>An admin deactivated a person: they can no longer sign in.</summary>
public sealed record PersonDeactivated(Guid PersonId, string Email, string Name, string Role, string? ProviderId, DateTimeOffset OccurredAt);
