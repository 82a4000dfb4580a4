using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Tracking.ServiceDefaults.Hosting;
using Tracking.ServiceDefaults.Security;

namespace Tracking.Notifications.Templates;

/// <summary>
/// Links from e-mails into the portal (Tracking:Web:PublicOrigin), and the signed settings link that lets someone
/// change or stop their mail without signing in. The signature (HMAC-SHA256) covers the address and the expiry, so
/// neither can be changed; a link lasts Tracking:Notifications:SettingsLinkDays (90) from the e-mail it came in.
/// The key is Tracking:Notifications:LinkKey, else one generated into the data folder (processes hosting
/// notifications on separate machines must share a configured key).
/// </summary>
public sealed class PortalLinks
{
    private readonly byte[] _key;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _lifetime;

    public PortalLinks(IConfiguration configuration, TimeProvider clock)
    {
        _clock = clock;
        Origin = (configuration["Tracking:Web:PublicOrigin"] is { Length: > 0 } origin ? origin : "http://localhost:5080").TrimEnd('/');
        var key = configuration["Tracking:Notifications:LinkKey"] is { Length: > 0 } configured
            ? configured
            : DataFolderSecret.LoadOrCreate(TrackingSettings.From(configuration).DataFolder, "notifications-link.key",
                () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        _key = Encoding.UTF8.GetBytes(key);
        _lifetime = TimeSpan.FromDays(configuration.GetValue("Tracking:Notifications:SettingsLinkDays", 90));
    }

    public string Origin { get; }

    public string Recommendation(Guid id) => $"{Origin}/recommendations/{id}";

    public string EvidenceForm(Guid id) => $"{Origin}/recommendations/{id}/evidence";

    public string Planning => $"{Origin}/planning";

    /// <summary>The settings page for this address, signed, valid for the configured lifetime from now.</summary>
    public string Settings(string email)
    {
        var address = email.Trim().ToLowerInvariant();
        var expires = (_clock.GetUtcNow() + _lifetime).ToUnixTimeSeconds();
        return $"{Origin}/notifications/settings?email={Uri.EscapeDataString(address)}&expires={expires}&signature={Sign(address, expires)}";
    }

    public SettingsLinkCheck Check(string? email, string? expires, string? signature)
    {
        if (email is not { Length: > 0 } || signature is not { Length: > 0 }
            || !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var expiresAt))
        {
            return SettingsLinkCheck.Forged;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(email.Trim().ToLowerInvariant(), expiresAt));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature.Trim().ToLowerInvariant())))
        {
            return SettingsLinkCheck.Forged;
        }

        return _clock.GetUtcNow().ToUnixTimeSeconds() > expiresAt ? SettingsLinkCheck.Expired : SettingsLinkCheck.Valid;
    }

    private string Sign(string address, long expires) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"settings:{address}:{expires}")));
}

public enum SettingsLinkCheck
{
    Valid,
    Expired,
    Forged,
}
