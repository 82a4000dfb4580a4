using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Tracking.ServiceDefaults.Security;

/// <summary>The key the server signs its own tokens with when no external authority is configured.</summary>
public static class LocalSigningKey
{
    public const string FileName = "token-signing.key";

    public static SymmetricSecurityKey Load(AuthSettings settings, string dataFolder)
    {
        if (!string.IsNullOrWhiteSpace(settings.SigningKey))
        {
            return Key(Convert.FromBase64String(settings.SigningKey));
        }

        var stored = DataFolderSecret.LoadOrCreate(dataFolder, FileName, () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        return Key(Convert.FromBase64String(stored));
    }

    private static SymmetricSecurityKey Key(byte[] bytes) =>
        bytes.Length >= 32
            ? new SymmetricSecurityKey(bytes) { KeyId = "tracking-local" }
            : throw new InvalidOperationException($"{AuthSettings.Section}:SigningKey must be at least 32 bytes (base64).");
}
