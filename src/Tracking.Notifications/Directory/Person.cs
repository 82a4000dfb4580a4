namespace Tracking.Notifications.Directory;

/// <summary>Someone identity told us about (Person* events): where their mail goes and which rules reach them.</summary>
public sealed class Person
{
    /// <summary>The person's id as identity gives it, which is also their token's `sub`.</summary>
    public string PersonId { get; set; } = "";

    public string Email { get; set; } = "";

    public string Name { get; set; } = "";

    public string Role { get; set; } = "";

    public string? ProviderId { get; set; }

    public bool Active { get; set; }

    /// <summary>The newest event applied, so a late older event cannot undo a newer one.</summary>
    public DateTime ChangedAt { get; set; }
}
