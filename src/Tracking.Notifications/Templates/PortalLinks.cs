using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Tracking.ServiceDefaults.Hosting;
using Tracking.ServiceDefaults.Security;

namespace Tracking.Notifications.Templates;

/// <summary>
/// Links from e-mails into the portal (Tracking:Web:PublicOrigin), and the signed settings link that lets someone
/// change or stop their mail without signing in. The key is Tracking:Notifications:LinkKey, else one generated
/// into the data folder (processes hosting notifications on separate machines must share a configured key).
/// </summary>
public sealed class PortalLinks
{
    private readonly byte[] _key;

    public PortalLinks(IConfiguration configuration)
    {
        Origin = (configuration["Tracking:Web:PublicOrigin"] is { Length: > 0 } origin ? origin : "http://localhost:5080").TrimEnd('/');
        var key = configuration["Tracking:Notifications:LinkKey"] is { Length: > 0 } configured
            ? configured
            : DataFolderSecret.LoadOrCreate(TrackingSettings.From(configuration).DataFolder, "notifications-link.key",
                () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        _key = Encoding.UTF8.GetBytes(key);
    }

    public string Origin { get; }

    public string Recommendation(Guid id) => $"{Origin}/recommendations/{id}";

    public string EvidenceForm(Guid id) => $"{Origin}/recommendations/{id}/evidence";

    public string Planning => $"{Origin}/planning";

    public string Settings(string email) =>
        $"{Origin}/notifications/settings?email={Uri.EscapeDataString(email)}&signature={Sign(email)}";

    public string Sign(string email) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes("settings:" + email.ToLowerInvariant())));

    public bool Verify(string email, string signature) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(email)), Encoding.ASCII.GetBytes(signature.ToLowerInvariant()));
}
