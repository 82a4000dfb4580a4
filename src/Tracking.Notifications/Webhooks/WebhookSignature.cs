using System.Security.Cryptography;
using System.Text;

namespace Tracking.Notifications.Webhooks;

/// <summary>
/// Standard Webhooks signing: HMAC-SHA256 with the secret's base64 key over "{webhook-id}.{webhook-timestamp}.{body}",
/// sent as "v1,{base64}" in webhook-signature.
/// </summary>
public static class WebhookSignature
{
    public const string Prefix = "whsec_";

    public static string NewSecret() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>Whether a secret supplied by an organisation is one we can sign with: whsec_ and 24 to 64 bytes of base64.</summary>
    public static bool IsValidSecret(string secret)
    {
        if (!secret.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var key = new byte[64];
        return Convert.TryFromBase64String(secret[Prefix.Length..], key, out var length) && length is >= 24 and <= 64;
    }

    public static string Sign(string secret, string id, long timestamp, string body)
    {
        var key = Convert.FromBase64String(secret.StartsWith(Prefix, StringComparison.Ordinal) ? secret[Prefix.Length..] : secret);
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}")));
    }
}
