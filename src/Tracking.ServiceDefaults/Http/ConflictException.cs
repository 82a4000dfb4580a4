namespace Tracking.ServiceDefaults.Http;

/// <summary>A command the lifecycle forbids in the current state; answered with 409 and the reason.</summary>
public sealed class ConflictException(string detail) : Exception(detail);
