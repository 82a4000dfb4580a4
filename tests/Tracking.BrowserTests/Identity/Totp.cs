using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Tracking.BrowserTests.Identity;

/// <summary>What an authenticator app computes from the key a person is shown (RFC 6238: HMAC-SHA1, 30 s, 6 digits).</summary>
internal static class Totp
{
    public static string Code(string shownKey, DateTimeOffset at)
    {
        var key = Base32(shownKey.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant());
        var counter = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, at.ToUnixTimeSeconds() / 30);
        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0x0f;
        var value = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7fffffff) % 1_000_000;
        return value.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A 6-digit code the app would not show anywhere near now, for the error states.</summary>
    public static string Wrong(string shownKey)
    {
        var near = Enumerable.Range(-3, 7).Select(step => Code(shownKey, DateTimeOffset.UtcNow.AddSeconds(step * 30))).ToHashSet();
        return Enumerable.Range(0, 100).Select(i => i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(c => !near.Contains(c));
    }

    private static byte[] Base32(string text)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('='))
        {
            buffer = (buffer << 5) | Alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. bytes];
    }
}
