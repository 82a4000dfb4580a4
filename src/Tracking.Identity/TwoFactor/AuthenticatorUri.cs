using System.Text;

namespace Tracking.Identity.TwoFactor;

/// <summary>How an authenticator app is told the key: typed (groups of four) or as an otpauth:// URI (RFC 6238 defaults).</summary>
internal static class AuthenticatorUri
{
    public const string Issuer = "Tracking";

    public static string Grouped(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(text.Length == 0 ? "" : " ").Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }

        return text.ToString().ToLowerInvariant();
    }

    public static string For(string email, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(email)}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6&period=30";

    /// <summary>What people type: spaces and hyphens (as apps show codes) are left out.</summary>
    public static string Clean(string? code) => (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
}
