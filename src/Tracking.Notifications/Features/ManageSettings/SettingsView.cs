namespace Tracking.Notifications.Features.ManageSettings;

/// <param name="Mode">"immediate" or "digest".</param>
/// <param name="OptedOut">True: no non-essential mail. Essential mail (missed deadlines, invitations) still arrives.</param>
/// <param name="DigestTime">The UK time the daily digest is sent, HH:mm.</param>
public sealed record SettingsView(string Email, string Mode, bool OptedOut, string DigestTime);

/// <param name="Mode">"immediate" or "digest".</param>
public sealed record ChangeSettingsRequest(string? Mode, bool? OptedOut);
