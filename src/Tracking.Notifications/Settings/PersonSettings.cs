namespace Tracking.Notifications.Settings;

/// <summary>How one address wants its mail. No row means immediate, nothing opted out.</summary>
public sealed class PersonSettings
{
    /// <summary>Lower-case e-mail address: action owners have settings too, and they may have no person id.</summary>
    public string Email { get; set; } = "";

    public DeliveryMode Mode { get; set; } = DeliveryMode.Immediate;

    /// <summary>Opted out of non-essential mail; essential mail (missed deadlines, invitations) still arrives.</summary>
    public bool OptedOut { get; set; }

    public DateTime ChangedAt { get; set; }
}

public enum DeliveryMode
{
    Immediate,
    Digest,
}
