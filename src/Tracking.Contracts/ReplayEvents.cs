namespace Tracking.Contracts;

/// <summary>
/// A command to every publishing service: send all the events in your outbox again, in their original order and
/// with their original message ids. Consumers' inboxes drop what they have already applied, so only a read model
/// that was cleared on purpose (planning's rebuild) applies them again.
/// </summary>
public sealed record ReplayEvents(Guid RequestId, string RequestedBy, DateTimeOffset RequestedAt);
