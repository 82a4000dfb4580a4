namespace Tracking.Identity.Pages.Admin;

/// <summary>The fields an admin fills in for a person; Email only when inviting.</summary>
public sealed class PersonForm
{
    public string? Email { get; set; }

    public string? Name { get; set; }

    public string? Role { get; set; }

    public string? ProviderId { get; set; }
}
