namespace Tracking.Contracts;

/// <summary>An admin invited someone; they have not set a password yet.</summary>
public sealed record PersonInvited(Guid PersonId, string Email, string Name, string Role, string? ProviderId, DateTimeOffset OccurredAt);
